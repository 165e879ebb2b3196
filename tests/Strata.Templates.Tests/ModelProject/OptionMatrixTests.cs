using System.Text.Json;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Strata.Templates.Tests.Diagrams;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject.Matrix;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// Issue 13: every option combination a user can ask for of <c>dotnet new modelproject</c> is proven, through a
/// pairwise cover of the options plus every provider's default (<see cref="OptionMatrix"/>). Each row instantiates
/// (the initial migration written by dotnet strata init), builds with warnings as errors, has no pending model
/// changes, migrates (a SQLite file, a PostgreSQL database; SQL Server's script parses), passes its own tests and
/// draws a diagram Mermaid parses. Rows shared with the per-provider classes are made once.
/// </summary>
[Collection(TemplateHiveCollection.Name)]
public sealed class OptionMatrixTests(TemplateHive hive, ITestOutputHelper output)
{
    public static TheoryData<string> Rows => [.. OptionMatrix.Rows.Select(row => row.Label)];

    [Fact]
    public void The_matrix_varies_every_option_of_template_json_with_all_its_values()
    {
        var templateJson = Path.Combine(RepoPaths.ContentDirectory, "ModelProject", ".template.config", "template.json");
        using var document = JsonDocument.Parse(File.ReadAllText(templateJson));
        var parameters = document.RootElement.GetProperty("symbols").EnumerateObject()
            .Where(symbol => symbol.Value.GetProperty("type").GetString() == "parameter")
            .ToDictionary(
                symbol => symbol.Name,
                symbol => symbol.Value.GetProperty("datatype").GetString() == "bool"
                    ? "false true"
                    : $"{symbol.Value.GetProperty("defaultValue").GetString()} | {string.Join(" ", symbol.Value.GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("choice").GetString()).Order(StringComparer.Ordinal))}");
        var matrix = ModelProjectOptions.All.ToDictionary(
            option => option.Symbol,
            option => option.IsSwitch ? "false true" : $"{option.Default} | {string.Join(" ", option.Values.Order(StringComparer.Ordinal))}");

        Assert.Equal(parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal), matrix.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_rows_cover_every_pair_of_option_values_and_every_providers_default()
    {
        var sizes = ModelProjectOptions.All.Select(option => option.Values.Count).ToList();
        var rows = OptionMatrix.Rows;
        var proven = OptionMatrix.RowsProvenWithEntities;

        output.WriteLine($"{rows.Count} rows run here and {proven.Count} proven by the entity tests (the full product: {sizes.Aggregate(1, (product, size) => product * size)}):");
        output.WriteLine($"  {string.Join("\n  ", rows.Select(row => row.Label))}\n  {string.Join("\n  ", proven.Select(row => row.Label + " (entity tests)"))}");
        Assert.True(PairwiseCover.CoversAllPairs(sizes, [.. rows.Select(row => row.Options.Indexes), .. proven.Select(row => row.Options.Indexes)], out var missing), $"Not covered: {missing}");
        foreach (var database in ModelProjectOptions.All[0].Values)
        {
            Assert.Contains(rows, row => row.Options.Key == OptionRow.Parse(["--database", database]).Key);
        }

        Assert.Equal(rows.Count, rows.Select(row => row.Options.Key).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Instantiates_with_its_initial_migration_and_builds_with_warnings_as_errors(string label)
    {
        var project = await ProjectAsync(label);

        var build = await project.BuildAsync();

        output.WriteLine($"dotnet new modelproject: {project.Creation.Duration.TotalSeconds:F1} s, dotnet build: {build.Duration.TotalSeconds:F1} s");
        Assert.EndsWith("_InitialCreate", project.InitialMigrationId, StringComparison.Ordinal);
        Assert.True(build.Succeeded, build.Describe());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Has_no_pending_model_changes(string label)
    {
        var project = await ProjectAsync(label);

        var pending = await project.PendingModelChangesAsync();

        output.WriteLine($"dotnet ef migrations has-pending-model-changes: {pending.Duration.TotalSeconds:F1} s");
        Assert.True(
            pending.Succeeded && pending.StandardOutput.Contains("No changes have been made to the model since the last migration", StringComparison.Ordinal),
            "The initial migration dotnet strata init wrote does not match the model:\n" + pending.Describe());
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public async Task Migrates_a_new_database(string label)
    {
        var row = OptionMatrix.Find(label);
        var project = await ProjectAsync(label);
        var sample = row.Options["NoSample"] == "false";

        switch (row.Options.Database)
        {
            case "Sqlite":
                await using (var database = await SqliteDatabase.OpenAsync(await project.MigratedSqliteDatabaseAsync()))
                {
                    var tables = await database.TablesAsync();
                    Assert.Contains("__EFMigrationsHistory", tables);
                    Assert.Equal(sample ? 2 : 0, SqliteDatabase.ModelTables(tables).Count);
                }

                break;
            case "PostgreSql":
                var postgres = await project.MigratedPostgresDatabaseAsync();
                // The history table's first column is the migration id (MigrationId, or migration_id under --naming snake_case).
                var applied = await PostgresCatalog.QueryAsync(postgres.ConnectionString, "SELECT * FROM \"__EFMigrationsHistory\"", reader => reader.GetString(0));
                var modelTables = await PostgresCatalog.QueryAsync(
                    postgres.ConnectionString,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_\\_EF%'",
                    reader => reader.GetString(0));
                Assert.Equal([project.InitialMigrationId], applied);
                Assert.Equal(sample ? 2 : 0, modelTables.Count);
                break;
            default:
                // No SQL Server runs here: the script EF Core would run is parsed by Microsoft's T-SQL parser instead.
                var script = SqlServerScript.Parse(await project.MigrationScriptAsync(idempotent: false), new TSql160Parser(initialQuotedIdentifiers: true));
                Assert.True(script.Errors.Count == 0, $"The migration script does not parse:\n{script.DescribeErrors()}");
                Assert.Equal(sample ? 2 : 0, script.Tables.Keys.Count(table => !table.StartsWith("__EF", StringComparison.Ordinal)));
                break;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public async Task Its_generated_tests_pass(string label)
    {
        var row = OptionMatrix.Find(label);
        var project = await ProjectAsync(label);

        var run = await project.GeneratedTestsAsync();

        run.AssertPassed(minimumPassed: 1, output);
        // Allowed skips: a case that does not apply to its entity, a model with no entity (--no-sample), and on SQL
        // Server (no server here) the database tests, which say which variable to set.
        var unexpected = run.SkippedExceptNotApplicable
            .Where(result => !(row.Options["NoSample"] == "true" && result.Message.Contains("The model has no entities yet", StringComparison.Ordinal)))
            .Where(result => !(row.Options.Database == "SqlServer" && result.Message.Contains(project.TestsConnectionStringVariable, StringComparison.Ordinal)))
            .ToList();
        Assert.True(unexpected.Count == 0, run.Describe("Skipped for a reason this row does not explain."));
    }

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public async Task Its_diagram_parses_with_Mermaid(string label)
    {
        var project = await ProjectAsync(label);

        await MermaidParser.AssertParsesAsync(Path.Combine(project.Root, "docs", "model.md"));
    }

    private static Task<GeneratedProject> ProjectAsync(TemplateHive hive, MatrixRow row) =>
        GeneratedProject.SharedAsync(hive, row.Name, row.Identifier, row.Options.Arguments);

    private Task<GeneratedProject> ProjectAsync(string label) => ProjectAsync(hive, OptionMatrix.Find(label));
}
