using Microsoft.SqlServer.TransactSql.ScriptDom;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary><c>modelproject -n Shop --no-sample --database SqlServer --id-type guid --audit-user</c> plus <see cref="IdTypeProof.Commands"/>.</summary>
public sealed class SqlServerGuidKeyFixture(IMessageSink diagnostics) : EntityProjectFixture(diagnostics, "SqlServer", "entity-sqlserver-guid-keys")
{
    private Lazy<Task<SqlServerScript>>? _script;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;

    protected override IReadOnlyList<EntityCommand> EntityCommands => IdTypeProof.Commands;

    protected override IReadOnlyList<string> ModelProjectOptions => ["--id-type", "guid", "--audit-user"];

    protected override (string Entity, string Specs) AddedFields => ("Supplier", "Rating:int:default(3)");

    /// <summary><c>dotnet ef migrations script</c> (all migrations), parsed with the SQL Server 2022 parser; run once.</summary>
    public Task<SqlServerScript> ScriptAsync(TemplateHive hive) =>
        Once(ref _script, async () =>
        {
            var output = Path.Combine(hive.CreateTempDirectory("entity-sqlserver-guid-script"), "migrations.sql");
            var script = await EfAfterBuildAsync(hive, "migrations", "script", "--output", output);
            Assert.True(script.Succeeded && File.Exists(output), $"dotnet ef migrations script wrote no {output}:\n{script.Describe()}");
            return SqlServerScript.Parse(await File.ReadAllTextAsync(output), new TSql160Parser(initialQuotedIdentifiers: true));
        });

    /// <summary>The generated tests without a server (the database tests skip; the key-order check by SqlGuid runs), run once.</summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => Once(ref _generatedTests, () => RunGeneratedTestsAsync(hive, environment: null));
}

/// <summary>
/// <c>--id-type guid --audit-user</c> on SQL Server: uniqueidentifier keys made by the application (no IDENTITY), the same
/// type on every foreign key, the script parsed by ScriptDom, and the generated tests' SqlGuid order check.
/// </summary>
[Collection(TemplateHiveCollection.Name)]
public sealed class SqlServerGuidKeyTests(TemplateHive hive, SqlServerGuidKeyFixture fixture) : IClassFixture<SqlServerGuidKeyFixture>
{
    [Fact]
    public async Task Every_command_succeeds_and_the_solution_builds_formats_and_has_no_pending_model_changes()
    {
        await fixture.AssertCommandsBuildFormatAndMatchTheModelAsync(hive);
    }

    [Fact]
    public async Task The_script_parses_and_every_key_and_foreign_key_is_a_uniqueidentifier_without_IDENTITY()
    {
        var script = await fixture.ScriptAsync(hive);

        Assert.True(script.Errors.Count == 0, $"TSql160Parser found {script.Errors.Count} errors in the script:\n{script.DescribeErrors()}");
        Assert.Equal(IdTypeProof.Tables, script.Tables.Keys.Where(table => !table.StartsWith("__EF", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var keyColumns = IdTypeProof.Tables
            .Where(table => table != "OrderSuppliers")
            .Select(table => $"{table}.Id")
            .Concat(IdTypeProof.ForeignKeyColumns)
            .Select(column =>
            {
                var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
                var found = script.Tables[table].Columns.SingleOrDefault(candidate => candidate.Name == name);
                return $"{column} {found}";
            });
        Assert.All(keyColumns, column => Assert.EndsWith(" uniqueidentifier NOT NULL", column, StringComparison.Ordinal));
        var foreignKeys = script.Tables.Values.SelectMany(table => table.ForeignKeys.Select(key => $"{table.Name}.{string.Join(",", key.Columns)}")).Order(StringComparer.Ordinal);
        Assert.Equal(IdTypeProof.ForeignKeyColumns, foreignKeys);
        Assert.All(IdTypeProof.Tables.Where(table => table != "OrderSuppliers"), table =>
            Assert.Contains(script.Tables[table].Columns, column => column.Name == "CreatedBy"));
    }

    [Fact]
    public async Task The_generated_tests_pass_and_check_the_key_order_the_way_SQL_Server_compares_uniqueidentifier()
    {
        var run = await fixture.GeneratedTestsAsync(hive);

        run.AssertPassed(minimumPassed: 10);
        IdTypeProof.CoversEveryEntity(run, "GuidKeyTests.Keys_grow_in_the_order_SQL_Server_sorts_uniqueidentifier");
    }
}
