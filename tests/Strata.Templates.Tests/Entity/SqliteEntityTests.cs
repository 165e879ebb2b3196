using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary><c>modelproject -n Shop --no-sample --database Sqlite</c> plus the five entities, migrated into a new SQLite file.</summary>
public sealed class SqliteEntityFixture(IMessageSink diagnostics) : EntityProjectFixture(diagnostics, "Sqlite", "entity-sqlite")
{
    private Lazy<Task<string>>? _migratedDatabase;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;

    /// <summary>The path of the SQLite file <c>dotnet ef database update --connection</c> created, run once.</summary>
    public Task<string> MigratedDatabaseAsync(TemplateHive hive) =>
        Once(ref _migratedDatabase, async () =>
        {
            var path = Path.Combine(hive.CreateTempDirectory("entity-sqlite-database"), "Shop.db");
            var update = await EfAfterBuildAsync(hive, "database", "update", "--connection", $"Data Source={path}");
            Assert.True(update.Succeeded && File.Exists(path), $"dotnet ef database update did not create {path}:\n{update.Describe()}");
            return path;
        });

    /// <summary>The generated solution's tests (SQLite needs no server), run once.</summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => Once(ref _generatedTests, () => RunGeneratedTestsAsync(hive, environment: null));
}

[Collection(TemplateHiveCollection.Name)]
public sealed class SqliteEntityTests(TemplateHive hive, SqliteEntityFixture fixture)
    : EntityTemplateTests<SqliteEntityFixture>(hive, fixture)
{
    [Fact]
    public async Task Database_update_applies_every_migration_and_creates_the_five_tables()
    {
        await using var database = await OpenAsync();

        var tables = await database.TablesAsync();

        Assert.Equal(EntityProjectFixture.Tables, SqliteDatabase.ModelTables(tables));
        Assert.Contains("__EFMigrationsHistory", tables);
    }

    [Fact]
    public async Task Every_new_table_has_NOT_NULL_CreatedAt_and_UpdatedAt_columns()
    {
        await using var database = await OpenAsync();
        var problems = new List<string>();

        foreach (var table in EntityProjectFixture.Tables)
        {
            var columns = await database.ColumnsAsync(table);
            foreach (var audit in new[] { "CreatedAt", "UpdatedAt" })
            {
                if (columns.SingleOrDefault(column => column.Name == audit) is not { NotNull: true })
                {
                    problems.Add($"{table}.{audit} missing or nullable; columns: {string.Join(", ", columns)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Orders_and_OrderLines_reference_their_parents_with_ON_DELETE_CASCADE_and_no_other_table_has_a_foreign_key()
    {
        await using var database = await OpenAsync();
        var foreignKeys = new List<string>();

        foreach (var table in EntityProjectFixture.Tables)
        {
            foreignKeys.AddRange((await database.ForeignKeysAsync(table)).Select(key => $"{table}.{key.From} -> {key.Table}.{key.To} ON DELETE {key.OnDelete}"));
        }

        Assert.Equal(
            ["OrderLines.OrderId -> Orders.Id ON DELETE CASCADE", "Orders.CustomerId -> Customers.Id ON DELETE CASCADE"],
            foreignKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_foreign_key_column_has_an_index()
    {
        await using var database = await OpenAsync();
        var unindexed = new List<string>();
        var foreignKeyCount = 0;

        foreach (var table in EntityProjectFixture.Tables)
        {
            var indexes = await database.IndexesAsync(table);
            foreach (var key in await database.ForeignKeysAsync(table))
            {
                foreignKeyCount++;
                if (!indexes.Any(index => index.Columns.FirstOrDefault() == key.From))
                {
                    unindexed.Add($"{table}.{key.From} (indexes: {string.Join("; ", indexes)})");
                }
            }
        }

        Assert.True(unindexed.Count == 0, $"Foreign key columns without an index:\n  {string.Join("\n  ", unindexed)}");
        Assert.Equal(2, foreignKeyCount);
        Assert.Contains(await database.IndexesAsync("Orders"), index => index.Name == "IX_Orders_CustomerId" && index.Columns is ["CustomerId"]);
        Assert.Contains(await database.IndexesAsync("OrderLines"), index => index.Name == "IX_OrderLines_OrderId" && index.Columns is ["OrderId"]);
    }

    [Fact]
    public async Task The_generated_tests_pass_with_none_skipped_and_cover_every_new_entity()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.Skipped.Count == 0, run.Describe("On SQLite every generated test must run, none may be skipped."));
        EntityProjectFixture.AssertCoversEveryEntity(run);
    }

    private async Task<SqliteDatabase> OpenAsync() => await SqliteDatabase.OpenAsync(await Fixture.MigratedDatabaseAsync(Hive));
}
