using Microsoft.EntityFrameworkCore;

namespace Acme.Sales.Tests.Infrastructure;

/// <summary>How the database answers a query, read from its own EXPLAIN, and whether that is through an index.</summary>
public sealed class QueryPlan
{
    private QueryPlan(string sql, IReadOnlyList<string> steps)
    {
        Sql = sql;
        Steps = steps;
    }

    /// <summary>The SQL EF Core sends for the query.</summary>
    public string Sql { get; }

    /// <summary>The plan, one line per step, as the database prints it.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>
    /// Explains the query's SQL, with the parameter values EF Core would send, on the context's connection (which
    /// must be open, so that settings made on it apply).
    /// </summary>
    public static async Task<QueryPlan> ExplainAsync(IQueryable query)
    {
        await using var command = query.CreateDbCommand();
        var sql = command.CommandText;
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // The columns are id, parent, notused, detail.
            steps.Add(reader.GetString(3));
        }

        return new QueryPlan(sql, steps);
    }

    /// <summary>Why the plan does not answer the query through an index, or null when it does.</summary>
    public string? ProblemWithoutAnIndex()
    {
        // SEARCH t USING INDEX ..., SCAN t USING COVERING INDEX ..., SEARCH t USING INTEGER PRIMARY KEY ...: through an
        // index. A bare SCAN reads every row, and a temporary B-tree sorts rows that no index delivers in order.
        if (Steps.FirstOrDefault(step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains(" USING ", StringComparison.Ordinal)) is { } scan)
        {
            return $"it reads every row of the table ({scan})";
        }

        if (Steps.FirstOrDefault(step => step.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)) is { } sort)
        {
            return $"it sorts the rows itself, as no index holds them in that order ({sort})";
        }

        return Steps.Any(step => step.Contains(" USING ", StringComparison.Ordinal)) ? null : "no step of the plan uses an index";
    }

    public override string ToString() => $"{Sql}\n-- plan:\n{string.Join("\n", Steps)}";
}
