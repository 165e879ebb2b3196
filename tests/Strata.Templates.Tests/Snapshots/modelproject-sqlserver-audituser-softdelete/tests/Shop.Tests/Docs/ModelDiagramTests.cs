using Shop.Common.Diagrams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shop.Tests.Docs;

/// <summary>docs/model.md shows the model as it is: a hand-made model change without the diagram fails here.</summary>
public sealed class ModelDiagramTests
{
    [Fact]
    public void Docs_model_md_matches_the_model()
    {
        var solution = SolutionDirectory();
        var path = Path.Combine(solution, ModelDiagram.RelativePath);
        var expected = ModelDiagram.ForDesignTime();

        Assert.True(File.Exists(path), $"{ModelDiagram.RelativePath} is missing; run `{ModelDiagram.Command}` in the model project's folder and commit the file.");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            actual == expected,
            $"{ModelDiagram.RelativePath} no longer matches the model ({FirstDifference(expected, actual)}); "
                + $"run `{ModelDiagram.Command}` in the model project's folder and commit the file.");
    }

    [Fact]
    public void A_unique_index_limited_by_a_filter_is_noted_with_its_filter_instead_of_UK()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        var relationalModel = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var diagram = ModelDiagram.ErDiagram(relationalModel, context.Database.ProviderName);
        var sql = context.GetService<ISqlGenerationHelper>();

        foreach (var table in relationalModel.Tables)
        {
            // Unique in every row: no filter, or only the provider's own NOT NULL filter of the nullable key columns
            // (SQL Server's, which gives the index the NULL rule unique indexes have on the other databases).
            bool UniqueInEveryRow(ITableIndex index) =>
                index.Filter is null
                || index.Filter == string.Join(" AND ", index.Columns.Where(column => column.IsNullable).Select(column => $"{sql.DelimitIdentifier(column.Name)} IS NOT NULL"));
            var uniqueKeyColumns = table.UniqueConstraints.SelectMany(unique => unique.Columns)
                .Concat(table.Indexes.Where(index => index.IsUnique && UniqueInEveryRow(index)).SelectMany(index => index.Columns))
                .ToHashSet();

            foreach (var index in table.Indexes.Where(index => index.IsUnique && !UniqueInEveryRow(index)))
            {
                foreach (var column in index.Columns)
                {
                    var (keys, notes) = ColumnLine(diagram, table, column);
                    Assert.True(
                        notes.Contains($" where {index.Filter!.Replace("\"", "")}", StringComparison.Ordinal),
                        $"{table.Name}.{column.Name} is unique only where {index.Filter} ({index.Name}), but its diagram line does not say so: \"{notes}\".");
                    Assert.True(
                        !keys.Contains("UK") || uniqueKeyColumns.Contains(column),
                        $"{table.Name}.{column.Name} is marked UK, but its unique index {index.Name} only covers the rows where {index.Filter}.");
                }
            }
        }
    }

    [Fact]
    public void A_column_no_migration_creates_is_drawn_as_a_system_column()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        var relationalModel = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var diagram = ModelDiagram.ErDiagram(relationalModel, context.Database.ProviderName);
        var sql = context.GetService<ISqlGenerationHelper>();

        // The SQL the migrations would run for this model: a column whose name it never mentions is not created by them
        // (PostgreSQL's xmin, the concurrency token there).
        var createScript = context.Database.GenerateCreateScript();
        foreach (var table in relationalModel.Tables.Where(table => !table.IsExcludedFromMigrations))
        {
            foreach (var column in table.Columns)
            {
                var created = createScript.Contains(sql.DelimitIdentifier(column.Name), StringComparison.Ordinal);
                var (_, notes) = ColumnLine(diagram, table, column);
                Assert.True(
                    created != notes.Contains("system column", StringComparison.Ordinal),
                    created
                        ? $"{table.Name}.{column.Name} is created by the migrations, but the diagram calls it a system column."
                        : $"{table.Name}.{column.Name} is not created by any migration, but the diagram does not call it a system column: \"{notes}\".");
            }
        }
    }

    /// <summary>The key markers and the quoted notes of <paramref name="column"/>'s line in <paramref name="table"/>'s block.</summary>
    private static (IReadOnlySet<string> Keys, string Notes) ColumnLine(string diagram, ITable table, IColumn column)
    {
        var name = table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";
        var lines = diagram.Split('\n');
        var start = Array.FindIndex(lines, line => line == $"    {name} {{" || line == $"    \"{name}\" {{");
        Assert.True(start >= 0, $"The diagram has no block for table {name}.");

        var line = lines.Skip(start + 1).TakeWhile(line => line != "    }").FirstOrDefault(line => Words(line).ElementAtOrDefault(1) == column.Name);
        Assert.True(line is not null, $"The diagram's block for {name} has no line for column {column.Name}.");

        // "        TEXT Sku UK, FK \"NOT NULL, max length 32\"": store type, name, keys, then the quoted notes.
        var quote = line.IndexOf('"');
        var keys = Words(line).Skip(2).SelectMany(word => word.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        return (keys, quote < 0 ? "" : line[(quote + 1)..].TrimEnd('"'));

        static string[] Words(string line) =>
            (line.IndexOf('"') is var quote and >= 0 ? line[..quote] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var index = 0; index < Math.Max(expectedLines.Length, actualLines.Length); index++)
        {
            var line = expectedLines.ElementAtOrDefault(index);
            var found = actualLines.ElementAtOrDefault(index);
            if (line != found)
            {
                return $"line {index + 1}: expected {Quoted(line)}, found {Quoted(found)}";
            }
        }

        return "no line differs";
    }

    private static string Quoted(string? line) => line is null ? "the end of the file" : $"'{line}'";

    /// <summary>The solution folder: the nearest folder above the test's output with a .slnx or .sln.</summary>
    private static string SolutionDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.slnx").Any() || directory.EnumerateFiles("*.sln").Any())
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No .slnx or .sln above {AppContext.BaseDirectory}: the test looks for {ModelDiagram.RelativePath} beside it.");
    }
}
