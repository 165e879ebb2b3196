using Microsoft.SqlServer.TransactSql.ScriptDom;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Relationships;

/// <summary>
/// The SQL Server relationship project. No server runs here: the migrations are checked as the scripts
/// <c>dotnet ef migrations script</c> writes (plain and <c>--idempotent</c>), parsed by ScriptDom.
/// </summary>
public sealed class SqlServerRelationshipFixture(IMessageSink diagnostics) : RelationshipProjectFixture(diagnostics, "SqlServer", "relationships-sqlserver", migrationPerCommand: false)
{
    private Lazy<Task<SqlServerScript>>? _script;
    private Lazy<Task<SqlServerScript>>? _idempotentScript;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;

    public Task<SqlServerScript> ScriptAsync(TemplateHive hive) => Once(ref _script, () => WriteScriptAsync(hive, "migrations.sql"));

    public Task<SqlServerScript> IdempotentScriptAsync(TemplateHive hive) => Once(ref _idempotentScript, () => WriteScriptAsync(hive, "idempotent.sql", "--idempotent"));

    /// <summary>The generated tests without a server: the database tests skip, the model checks run.</summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => Once(ref _generatedTests, () => RunGeneratedTestsAsync(hive, environment: null));

    private async Task<SqlServerScript> WriteScriptAsync(TemplateHive hive, string fileName, params string[] options)
    {
        var output = Path.Combine(hive.CreateTempDirectory("relationships-sqlserver-script"), fileName);
        var script = await EfAfterBuildAsync(hive, ["migrations", "script", .. options, "--output", output]);
        Assert.True(script.Succeeded && File.Exists(output), $"dotnet ef migrations script wrote no {output}:\n{script.Describe()}");
        return SqlServerScript.Parse(await File.ReadAllTextAsync(output), new TSql160Parser(initialQuotedIdentifiers: true));
    }
}

[Collection(TemplateHiveCollection.Name)]
public sealed class SqlServerRelationshipTests(TemplateHive hive, SqlServerRelationshipFixture fixture)
    : RelationshipTests<SqlServerRelationshipFixture>(hive, fixture)
{
    /// <summary>SQL Server has no RESTRICT: EF Core writes Restrict (and ClientCascade) as NO ACTION.</summary>
    protected override IReadOnlyList<string> ExpectedForeignKeys =>
    [
        "Employees.ManagerId -> Employees ON DELETE NO ACTION",
        "Notes.EmployeeId -> Employees ON DELETE CASCADE",
        "Passports.EmployeeId -> Employees ON DELETE NO ACTION",
        "PlaylistProducts.PlaylistId -> Playlists ON DELETE CASCADE",
        "PlaylistProducts.ProductId -> Products ON DELETE CASCADE",
        "RelatedProducts.ProductId -> Products ON DELETE CASCADE",
        "RelatedProducts.RelatedId -> Products ON DELETE NO ACTION",
    ];

    protected override async Task<RelationshipCatalog> CatalogAsync() => RelationshipCatalog.FromSqlServerScript(await Fixture.ScriptAsync(Hive));

    [Fact]
    public async Task Dotnet_format_finds_nothing_to_change()
    {
        var format = await Fixture.FormatAsync(Hive);

        Assert.True(format.Succeeded, $"dotnet format --verify-no-changes wants to change generated code:\n{format.Describe()}");
    }

    [Fact]
    public async Task The_migration_script_and_the_idempotent_script_parse_without_errors()
    {
        var script = await Fixture.ScriptAsync(Hive);
        var idempotent = await Fixture.IdempotentScriptAsync(Hive);

        Assert.True(script.Errors.Count == 0, $"TSql160Parser found {script.Errors.Count} errors in the script:\n{script.DescribeErrors()}");
        Assert.True(idempotent.Errors.Count == 0, $"TSql160Parser found {idempotent.Errors.Count} errors in the idempotent script:\n{idempotent.DescribeErrors()}");
        Assert.Equal(RelationshipModel.Tables, idempotent.Tables.Keys.Where(table => !table.StartsWith("__EF", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_self_join_cascades_its_second_key_in_EF_Core_only()
    {
        var configuration = await Fixture.ReadCodeAsync(Hive, "Configurations/ProductConfiguration.cs");

        Assert.Contains(".HasForeignKey(link => link.RelatedId).OnDelete(DeleteBehavior.ClientCascade)", configuration, StringComparison.Ordinal);
        Assert.Contains("error 1785", configuration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_reference_that_cascades_is_refused_with_one_line_naming_the_cycle_and_the_fix_and_nothing_is_written()
    {
        var cycle = (await Fixture.GetAsync(Hive)).Cascade.Cycle;

        AssertRefused(
            cycle,
            "error: field 'Previous:references{Chain}?:cascade': on SQL Server deleting a Chain would cascade round a cycle (Chain → Chain.Previous), which SQL Server refuses (error 1785); write Previous:references{Chain}?:restrict instead.");
    }

    [Fact]
    public async Task Two_cascade_paths_to_one_table_are_refused_with_one_line_naming_both_paths_and_the_fix_and_nothing_is_written()
    {
        var cascade = (await Fixture.GetAsync(Hive)).Cascade;

        var failedSetup = cascade.Setup.Where(run => !run.Result.Succeeded).Select(run => run.Describe("should exit 0")).ToList();
        Assert.True(failedSetup.Count == 0, string.Join("\n", failedSetup));
        var line = AssertRefused(cascade.TwoPaths, "error: field '");
        Assert.Contains("on SQL Server deleting an Employee would reach Review along two cascade paths (", line, StringComparison.Ordinal);
        Assert.Contains("Employee → Note.Employee → Review.Note", line, StringComparison.Ordinal);
        Assert.Contains("Employee → Badge.Employee → Review.Badge", line, StringComparison.Ordinal);
        Assert.Contains("(error 1785); make one of them restrict, e.g. write ", line, StringComparison.Ordinal);
        Assert.Matches(@"write (Note|Badge):references:restrict\.$", line);
    }

    [Fact]
    public async Task The_same_model_with_one_path_restricted_is_accepted_on_SQL_Server()
    {
        var onePath = (await Fixture.GetAsync(Hive)).Cascade.OnePath;

        Assert.NotNull(onePath);
        AssertAccepted(onePath, "Review");
    }

    [Fact]
    public async Task The_generated_tests_pass_without_a_server()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
    }

    /// <summary>Asserts exit 105 (dotnet new: the post-action failed), exactly one error line starting with <paramref name="start"/>, nothing changed; returns the line.</summary>
    private static string AssertRefused(CommandRun run, string start)
    {
        Assert.True(run.Result.ExitCode == 105 && !run.Result.TimedOut, run.Describe("Expected exit 105 (the post-action, dotnet strata, refused)."));
        var lines = ErrorLines(run);
        Assert.True(lines is [var line] && line.StartsWith(start, StringComparison.Ordinal), run.Describe($"Expected exactly one error line starting `{start}`."));
        Assert.True(run.Changes.Count == 0, run.Describe("Expected nothing written."));
        return lines[0];
    }
}
