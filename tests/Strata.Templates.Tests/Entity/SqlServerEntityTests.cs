using Microsoft.SqlServer.TransactSql.ScriptDom;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// <c>modelproject -n Shop --no-sample --database SqlServer</c> plus the entities of <see cref="EntityProjectFixture.Commands"/>. No SQL Server runs
/// here: the migrations are checked as the script <c>dotnet ef migrations script</c> writes, parsed by ScriptDom.
/// </summary>
public sealed class SqlServerEntityFixture(IMessageSink diagnostics) : EntityProjectFixture(diagnostics, "SqlServer", "entity-sqlserver")
{
    private Lazy<Task<SqlServerScript>>? _script;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;

    /// <summary><c>dotnet ef migrations script</c> (all migrations), parsed with the SQL Server 2022 parser; run once.</summary>
    public Task<SqlServerScript> ScriptAsync(TemplateHive hive) =>
        Once(ref _script, async () =>
        {
            var output = Path.Combine(hive.CreateTempDirectory("entity-sqlserver-script"), "migrations.sql");
            var script = await EfAfterBuildAsync(hive, "migrations", "script", "--output", output);
            Assert.True(script.Succeeded && File.Exists(output), $"dotnet ef migrations script wrote no {output}:\n{script.Describe()}");
            return SqlServerScript.Parse(await File.ReadAllTextAsync(output), new TSql160Parser(initialQuotedIdentifiers: true));
        });

    /// <summary>The generated tests without a server (the database tests skip), run once.</summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => Once(ref _generatedTests, () => RunGeneratedTestsAsync(hive, environment: null));
}

[Collection(TemplateHiveCollection.Name)]
public sealed class SqlServerEntityTests(TemplateHive hive, SqlServerEntityFixture fixture)
    : EntityTemplateTests<SqlServerEntityFixture>(hive, fixture)
{
    [Fact]
    public async Task The_migration_script_parses_without_errors_and_creates_a_table_per_entity()
    {
        var script = await Fixture.ScriptAsync(Hive);

        Assert.True(script.Errors.Count == 0, $"TSql160Parser found {script.Errors.Count} errors in the script:\n{script.DescribeErrors()}");
        Assert.Equal(EntityProjectFixture.Tables, script.Tables.Keys.Where(table => !table.StartsWith("__EF", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_new_table_has_NOT_NULL_CreatedAt_and_UpdatedAt_columns()
    {
        var script = await Fixture.ScriptAsync(Hive);
        var problems = new List<string>();

        foreach (var table in EntityProjectFixture.Tables)
        {
            if (!script.Tables.TryGetValue(table, out var created))
            {
                problems.Add($"no CREATE TABLE {table}");
                continue;
            }

            foreach (var audit in new[] { "CreatedAt", "UpdatedAt" })
            {
                if (created.Columns.SingleOrDefault(column => column.Name == audit) is not { NotNull: true })
                {
                    problems.Add($"{table}.{audit} missing or nullable: {created}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Parents_cascade_references_restrict_an_optional_setnull_reference_sets_null_and_no_other_table_has_a_foreign_key()
    {
        var script = await Fixture.ScriptAsync(Hive);

        var foreignKeys = script.Tables.Values
            .Where(table => EntityProjectFixture.Tables.Contains(table.Name))
            .SelectMany(table => table.ForeignKeys.Select(key => $"{table.Name}.{string.Join(",", key.Columns)} -> {key.ReferencedTable}.{string.Join(",", key.ReferencedColumns)} ON DELETE {key.DeleteAction}"))
            .Order(StringComparer.Ordinal);

        // SQL Server has no RESTRICT: EF Core writes DeleteBehavior.Restrict as NO ACTION (refused while referenced).
        Assert.Equal(
            [
                "OrderLines.OrderId -> Orders.Id ON DELETE Cascade",
                "Orders.CustomerId -> Customers.Id ON DELETE Cascade",
                "Products.BuyerId -> Customers.Id ON DELETE SetNull",
                "Products.SupplierId -> Suppliers.Id ON DELETE NoAction",
            ],
            foreignKeys);
    }

    [Fact]
    public async Task Every_Product_field_has_its_SQL_Server_type_and_NULL_ability_in_the_script()
    {
        var script = await Fixture.ScriptAsync(Hive);
        var expected = ProductFields.Columns.Concat(ProductFields.AddedColumns).ToList();
        var columns = script.Tables.TryGetValue("Products", out var products) ? products.Columns.ToDictionary(column => column.Name) : [];

        Assert.Equal(
            expected.Select(field => $"{field.Column} {field.SqlServer} {field.NullText}"),
            expected.Select(field => columns.TryGetValue(field.Column, out var column) ? column.ToString() : $"{field.Column} (missing)"));
    }

    [Fact]
    public async Task Product_has_its_unique_and_plain_indexes_and_one_on_each_foreign_key()
    {
        var script = await Fixture.ScriptAsync(Hive);

        var indexes = script.Indexes.Where(index => index.Table == "Products").Select(index => $"{(index.Unique ? "UNIQUE " : "")}{index.Name}({string.Join(", ", index.Columns)})").Order(StringComparer.Ordinal);

        var expected = ProductFields.UniqueIndexes.Select(index => $"UNIQUE {index.Name}({index.Column})")
            .Concat(ProductFields.PlainIndexes.Select(index => $"{index.Name}({index.Column})"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, indexes);
    }

    [Theory]
    [InlineData("CK_Products_Price_NonNegative", "price>=0")]
    [InlineData("CK_Products_Stock_NonNegative", "stock>=0")]
    [InlineData("CK_Products_Rating_Min", "rating>=1")]
    [InlineData("CK_Products_Rating_Max", "rating<=5")]
    [InlineData("CK_Products_Status_Enum", "statusin('draft','active','retired')")]
    public async Task The_min_max_and_enum_rules_of_the_field_specs_are_CHECK_constraints(string constraint, string condition)
    {
        var script = await Fixture.ScriptAsync(Hive);

        var checks = script.Tables["Products"].CheckConstraints;

        Assert.True(checks.TryGetValue(constraint, out var actual), $"No {constraint}; CHECK constraints on Products: {string.Join("; ", checks.Select(check => $"{check.Key}: {check.Value}"))}");
        Assert.Equal(condition, actual);
    }

    [Fact]
    public async Task Every_foreign_key_column_has_an_index()
    {
        var script = await Fixture.ScriptAsync(Hive);

        var unindexed = script.Tables.Values
            .SelectMany(table => table.ForeignKeys.Select(key => (Table: table.Name, Key: key)))
            .Where(pair => !script.Indexes.Any(index => index.Table == pair.Table && index.Columns.Take(pair.Key.Columns.Count).SequenceEqual(pair.Key.Columns)))
            .Select(pair => pair.Key.ToString())
            .ToList();

        Assert.True(unindexed.Count == 0, $"Foreign keys without an index on their columns:\n  {string.Join("\n  ", unindexed)}\nIndexes: {string.Join("; ", script.Indexes)}");
        Assert.Contains(script.Indexes, index => index.Name == "IX_Orders_CustomerId" && index.Columns is ["CustomerId"]);
        Assert.Contains(script.Indexes, index => index.Name == "IX_OrderLines_OrderId" && index.Columns is ["OrderId"]);
    }

    [Fact]
    public async Task The_generated_tests_pass_without_a_server_cover_every_new_entity_and_translate_every_scope()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
        EntityProjectFixture.AssertCoversEveryEntity(run);
        EntityScopes.AssertEveryScopeTranslated(run);
    }
}
