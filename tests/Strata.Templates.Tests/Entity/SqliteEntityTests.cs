using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// <c>modelproject -n Shop --no-sample --database Sqlite</c> plus the entities, migrated into a new SQLite file.
/// Before add-fields, a second file is migrated up to AddProduct and given a Products row, to prove the
/// add-fields migration keeps it.
/// </summary>
public sealed class SqliteEntityFixture(IMessageSink diagnostics) : EntityProjectFixture(diagnostics, "Sqlite", "entity-sqlite")
{
    private Lazy<Task<string>>? _migratedDatabase;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;
    private string? _databaseBeforeAddFields;
    private string _beforeAddFieldsFailure = "";

    /// <summary>
    /// The file migrated (and given one Suppliers and one Products row) before add-fields ran; fails the
    /// calling test with what went wrong if that step failed.
    /// </summary>
    public async Task<string> DatabaseBeforeAddFieldsAsync(TemplateHive hive)
    {
        await GetAsync(hive);
        Assert.True(_databaseBeforeAddFields is not null, $"Preparing the database before add-fields failed:\n{_beforeAddFieldsFailure}");
        return _databaseBeforeAddFields;
    }

    protected override async Task BeforeAddFieldsAsync(TemplateHive hive, EntityShop shop)
    {
        var path = Path.Combine(hive.CreateTempDirectory("entity-sqlite-before-add-fields"), "Shop.db");
        var update = await shop.EfWithBuildAsync("database", "update", "--connection", $"Data Source={path}");
        Log($"dotnet ef database update (builds; before add-fields): {update.Duration.TotalSeconds:F1} s (exit {update.ExitCode})");
        if (!update.Succeeded)
        {
            _beforeAddFieldsFailure = update.Describe();
            return;
        }

        try
        {
            await using var database = await SqliteDatabase.OpenAsync(path, writable: true);
            await database.ExecuteAsync(ProductFields.Insert("Suppliers", ProductFields.SupplierRow(postgreSql: false)));
            var supplierId = long.Parse((await database.TextColumnAsync("SELECT \"Id\" FROM \"Suppliers\"")).Single()!, System.Globalization.CultureInfo.InvariantCulture);
            await database.ExecuteAsync(ProductFields.InsertProduct(ProductFields.ValidRow(supplierId, postgreSql: false, afterAddFields: false)));
            _databaseBeforeAddFields = path;
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception)
        {
            _beforeAddFieldsFailure = $"Inserting the rows failed: {exception.Message}";
        }
    }

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
public sealed partial class SqliteEntityTests(TemplateHive hive, SqliteEntityFixture fixture)
    : EntityTemplateTests<SqliteEntityFixture>(hive, fixture)
{
    [Fact]
    public async Task Database_update_applies_every_migration_and_creates_a_table_per_entity()
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
    public async Task Parents_cascade_references_restrict_an_optional_setnull_reference_sets_null_and_no_other_table_has_a_foreign_key()
    {
        await using var database = await OpenAsync();
        var foreignKeys = new List<string>();

        foreach (var table in EntityProjectFixture.Tables)
        {
            foreignKeys.AddRange((await database.ForeignKeysAsync(table)).Select(key => $"{table}.{key.From} -> {key.Table}.{key.To} ON DELETE {key.OnDelete}"));
        }

        Assert.Equal(
            [
                "OrderLines.OrderId -> Orders.Id ON DELETE CASCADE",
                "Orders.CustomerId -> Customers.Id ON DELETE CASCADE",
                "Products.BuyerId -> Customers.Id ON DELETE SET NULL",
                "Products.SupplierId -> Suppliers.Id ON DELETE RESTRICT",
            ],
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
        Assert.Equal(4, foreignKeyCount);
        Assert.Contains(await database.IndexesAsync("Orders"), index => index.Name == "IX_Orders_CustomerId" && index.Columns is ["CustomerId"]);
        Assert.Contains(await database.IndexesAsync("OrderLines"), index => index.Name == "IX_OrderLines_OrderId" && index.Columns is ["OrderId"]);
    }

    [Fact]
    public async Task An_entity_without_fields_has_the_base_columns_only()
    {
        await using var database = await OpenAsync();

        var columns = await database.ColumnsAsync("Categories");

        Assert.Equal(["CreatedAt", "Id", "UpdatedAt", "Version"], columns.Select(column => column.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_Product_field_has_its_SQLite_type_and_NULL_ability()
    {
        await using var database = await OpenAsync();
        var columns = (await database.ColumnsAsync("Products")).ToDictionary(column => column.Name);
        var expected = ProductFields.Columns.Concat(ProductFields.AddedColumns).ToList();

        var actual = expected.Select(field => columns.TryGetValue(field.Column, out var column)
            ? $"{column.Name} {column.Type} {(column.NotNull ? "NOT NULL" : "NULL")}"
            : $"{field.Column} (missing)");

        Assert.Equal(expected.Select(field => $"{field.Column} {field.Sqlite} {field.NullText}"), actual);
    }

    [Fact]
    public async Task Product_has_its_unique_and_plain_indexes_and_one_on_each_foreign_key()
    {
        await using var database = await OpenAsync();

        var indexes = (await database.IndexesAsync("Products")).Where(index => index.Name.StartsWith("IX_", StringComparison.Ordinal)).Select(index => index.ToString()).Order(StringComparer.Ordinal);

        var expected = ProductFields.UniqueIndexes.Select(index => $"UNIQUE {index.Name}({index.Column})")
            .Concat(ProductFields.PlainIndexes.Select(index => $"{index.Name}({index.Column})"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, indexes);
    }

    [Fact]
    public async Task The_database_itself_refuses_each_bad_Product_row_written_with_raw_SQL()
    {
        var copy = Path.Combine(Hive.CreateTempDirectory("entity-sqlite-raw-sql"), "Shop.db");
        File.Copy(await Fixture.MigratedDatabaseAsync(Hive), copy);
        await using var database = await SqliteDatabase.OpenAsync(copy, writable: true);
        await database.ExecuteAsync(ProductFields.Insert("Suppliers", ProductFields.SupplierRow(postgreSql: false)));
        var supplierId = long.Parse((await database.TextColumnAsync("SELECT \"Id\" FROM \"Suppliers\"")).Single()!, System.Globalization.CultureInfo.InvariantCulture);
        var valid = ProductFields.ValidRow(supplierId, postgreSql: false, afterAddFields: true);
        var accepted = new List<string>();

        foreach (var (name, column, value) in ProductFields.BadRows)
        {
            try
            {
                await database.ExecuteAsync(ProductFields.InsertProduct(valid, column, value));
                accepted.Add($"{name} ({column} = {value})");
                await database.ExecuteAsync("DELETE FROM \"Products\"");
            }
            catch (Microsoft.Data.Sqlite.SqliteException exception) when (exception.SqliteErrorCode == 19)
            {
                // SQLITE_CONSTRAINT: CHECK, NOT NULL or FOREIGN KEY, as intended.
            }
        }

        Assert.True(accepted.Count == 0, $"SQLite accepted these rows the field specs forbid:\n  {string.Join("\n  ", accepted)}");
        Assert.Equal(1, await database.ExecuteAsync(ProductFields.InsertProduct(valid)));
    }

    [Fact]
    public async Task The_add_fields_migration_keeps_the_rows_already_in_the_table_new_columns_NULL_or_their_default()
    {
        var path = await Fixture.DatabaseBeforeAddFieldsAsync(Hive);

        var update = await Fixture.EfAfterBuildAsync(Hive, "database", "update", "--connection", $"Data Source={path}");

        Assert.True(update.Succeeded, $"dotnet ef database update (to {ProductFields.AddedMigration}) failed on a table holding a row:\n{update.Describe()}");
        await using var database = await SqliteDatabase.OpenAsync(path);
        Assert.Equal(
            ["SKU-1|||General"],
            await database.TextColumnAsync("SELECT \"Sku\" || '|' || IFNULL(\"Volume\", '') || '|' || IFNULL(\"Barcode\", '') || '|' || \"Queue\" FROM \"Products\""));
    }

    [Fact]
    public async Task The_generated_tests_pass_with_none_skipped_and_cover_every_new_entity()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("On SQLite every generated test must run, unless it does not apply to its entity."));
        EntityProjectFixture.AssertCoversEveryEntity(run);
    }

    private async Task<SqliteDatabase> OpenAsync() => await SqliteDatabase.OpenAsync(await Fixture.MigratedDatabaseAsync(Hive));
}
