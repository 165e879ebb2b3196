using Microsoft.Data.Sqlite;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary><c>dotnet new modelproject -n Shop --database Sqlite</c>, migrated with <c>dotnet ef database update</c>.</summary>
public sealed class SqliteShopFixture() : ModelProjectFixture("Shop", "Shop", "modelproject-sqlite", "--database", "Sqlite")
{
    /// <summary>The path of a SQLite file that <c>dotnet ef database update</c> created, run once.</summary>
    public async Task<string> MigratedDatabaseAsync(TemplateHive hive) => await (await GetAsync(hive)).MigratedSqliteDatabaseAsync();

    /// <summary><c>dotnet test</c> of the generated solution, run once.</summary>
    public async Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => await (await GetAsync(hive)).GeneratedTestsAsync();
}

[Collection(TemplateHiveCollection.Name)]
public sealed class SqliteModelProjectTests(TemplateHive hive, SqliteShopFixture fixture, ITestOutputHelper output)
    : ModelProjectTests<SqliteShopFixture>(hive, fixture, output)
{
    /// <summary>Enough to show the generic per-entity tests ran for both sample entities, not just a smoke test.</summary>
    private const int MinimumGeneratedTestsPassed = 50;

    [Fact]
    public async Task Database_update_creates_the_Suppliers_Products_and_migrations_history_tables()
    {
        await using var database = await OpenAsync();

        var tables = await database.TablesAsync();

        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "Suppliers", "Products", "__EFMigrationsHistory" });
        Assert.Equal(["Products", "Suppliers"], SqliteDatabase.ModelTables(tables));
    }

    [Fact]
    public async Task Every_table_has_NOT_NULL_CreatedAt_and_UpdatedAt_columns()
    {
        await using var database = await OpenAsync();

        foreach (var table in SqliteDatabase.ModelTables(await database.TablesAsync()))
        {
            var columns = await database.ColumnsAsync(table);
            foreach (var audit in new[] { "CreatedAt", "UpdatedAt" })
            {
                var column = columns.SingleOrDefault(column => column.Name == audit);
                Assert.True(column is { NotNull: true }, $"{table}.{audit} should exist and be NOT NULL; columns: {string.Join(", ", columns)}");
            }
        }
    }

    [Fact]
    public async Task Products_reference_Suppliers_with_a_foreign_key_that_restricts_deletes()
    {
        await using var database = await OpenAsync();

        var foreignKeys = await database.ForeignKeysAsync("Products");

        var supplier = Assert.Single(foreignKeys, key => key.From == "SupplierId");
        Assert.Equal(("Suppliers", "Id", "RESTRICT"), (supplier.Table, supplier.To, supplier.OnDelete));
    }

    [Fact]
    public async Task Every_foreign_key_column_has_an_index()
    {
        await using var database = await OpenAsync();
        var unindexed = new List<string>();

        foreach (var table in SqliteDatabase.ModelTables(await database.TablesAsync()))
        {
            var indexes = await database.IndexesAsync(table);
            foreach (var key in await database.ForeignKeysAsync(table))
            {
                if (!indexes.Any(index => index.Columns.FirstOrDefault() == key.From))
                {
                    unindexed.Add($"{table}.{key.From} (indexes: {string.Join("; ", indexes)})");
                }
            }
        }

        Assert.True(unindexed.Count == 0, $"Foreign key columns without an index:\n  {string.Join("\n  ", unindexed)}");
        Assert.Contains(await database.IndexesAsync("Products"), index => index.Name == "IX_Products_SupplierId" && index.Columns is ["SupplierId"]);
    }

    [Theory]
    [InlineData("Suppliers", "IX_Suppliers_Code", "Code")]
    [InlineData("Products", "IX_Products_Sku", "Sku")]
    public async Task Natural_keys_have_unique_indexes(string table, string indexName, string column)
    {
        await using var database = await OpenAsync();

        var indexes = await database.IndexesAsync(table);

        Assert.True(
            indexes.Any(index => index.Name == indexName && index.Unique && index.Columns.SequenceEqual([column])),
            $"Expected UNIQUE index {indexName} on {table}({column}); found: {string.Join("; ", indexes)}");
    }

    [Theory]
    [InlineData("CK_Products_Price_NonNegative")]
    [InlineData("CK_Products_QuantityInStock_NonNegative")]
    [InlineData("CK_Products_Status_Enum")]
    public async Task Value_rules_are_CHECK_constraints_on_Products(string constraint)
    {
        await using var database = await OpenAsync();

        var createTable = await database.CreateTableSqlAsync("Products");

        Assert.Contains($"CONSTRAINT \"{constraint}\" CHECK", createTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_tests_pass_with_none_skipped()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(MinimumGeneratedTestsPassed, Output);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("On SQLite every generated test must run, unless it does not apply to its entity."));
    }

    private async Task<SqliteDatabase> OpenAsync() => await SqliteDatabase.OpenAsync(await Fixture.MigratedDatabaseAsync(Hive));
}
