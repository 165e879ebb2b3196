using Microsoft.EntityFrameworkCore;

namespace Shop.Tests.Infrastructure;

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
        command.CommandText = "EXPLAIN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(0));
        }

        return new QueryPlan(sql, steps);
    }

    /// <summary>Why the plan does not answer the query through an index, or null when it does.</summary>
    public string? ProblemWithoutAnIndex()
    {
        // An index, a bitmap or an index-only scan answers through an index; a Seq Scan reads every row and a Sort
        // (not an Incremental Sort, which finishes an order an index started) orders rows no index delivers in order.
        var nodes = Steps.Select(step => step.TrimStart().TrimStart('-', '>').TrimStart()).ToList();
        if (nodes.FirstOrDefault(node => node.StartsWith("Seq Scan", StringComparison.Ordinal)) is { } scan)
        {
            return $"it reads every row of the table ({scan})";
        }

        if (nodes.FirstOrDefault(node => node.StartsWith("Sort ", StringComparison.Ordinal)) is { } sort)
        {
            return $"it sorts the rows itself, as no index holds them in that order ({sort})";
        }

        return nodes.Any(node => node.Contains("Index Scan", StringComparison.Ordinal) || node.Contains("Index Only Scan", StringComparison.Ordinal))
            ? null
            : "no step of the plan uses an index";
    }

    public override string ToString() => $"{Sql}\n-- plan:\n{string.Join("\n", Steps)}";
}
