using Npgsql;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// <c>modelproject -n Shop --no-sample --database PostgreSql</c> plus the entities of <see cref="EntityProjectFixture.Commands"/>, migrated into a
/// fresh database on the throwaway cluster (STRATA_TEST_POSTGRES). Building and snapshotting need no server.
/// </summary>
public sealed class PostgreSqlEntityFixture(IMessageSink diagnostics) : PostgreSqlEntityProjectFixture(diagnostics, "entity-postgresql", "entity_shop");

[Collection(TemplateHiveCollection.Name)]
public sealed class PostgreSqlEntityTests(TemplateHive hive, PostgreSqlEntityFixture fixture)
    : EntityTemplateTests<PostgreSqlEntityFixture>(hive, fixture)
{
    [SkippableFact]
    public async Task Database_update_applies_every_migration_and_creates_a_table_per_entity()
    {
        var tables = await QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_\\_EF%' ORDER BY table_name",
            reader => reader.GetString(0));

        Assert.Equal(EntityProjectFixture.Tables, tables.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Every_new_table_has_CreatedAt_and_UpdatedAt_as_NOT_NULL_timestamp_with_time_zone()
    {
        var columns = await QueryAsync(
            """
            SELECT t.table_name, a.column_name, c.data_type, c.is_nullable
            FROM information_schema.tables t
            CROSS JOIN (VALUES ('CreatedAt'), ('UpdatedAt')) AS a(column_name)
            LEFT JOIN information_schema.columns c
              ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = a.column_name
            WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name NOT LIKE '\_\_EF%'
            """,
            reader => $"{reader.GetString(0)}.{reader.GetString(1)}: {(reader.IsDBNull(2) ? "missing" : $"{reader.GetString(2)} {(reader.GetString(3) == "NO" ? "NOT NULL" : "NULL")}")}");

        var expected = EntityProjectFixture.Tables
            .SelectMany(table => new[] { "CreatedAt", "UpdatedAt" }.Select(column => $"{table}.{column}: timestamp with time zone NOT NULL"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, columns.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Parents_cascade_references_restrict_an_optional_setnull_reference_sets_null_and_no_other_table_has_a_foreign_key()
    {
        var foreignKeys = await PostgresCatalog.ForeignKeysAsync(await ConnectionStringAsync());

        Assert.Equal(
            [
                "OrderLines.OrderId -> Orders.Id ON DELETE CASCADE",
                "Orders.CustomerId -> Customers.Id ON DELETE CASCADE",
                "Products.BuyerId -> Customers.Id ON DELETE SET NULL",
                "Products.SupplierId -> Suppliers.Id ON DELETE RESTRICT",
            ],
            foreignKeys.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Every_Product_field_has_its_PostgreSQL_type_and_NULL_ability()
    {
        var expected = ProductFields.Columns.Concat(ProductFields.AddedColumns).ToList();

        var columns = (await QueryAsync(
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
            FROM pg_attribute a
            WHERE a.attrelid = 'public."Products"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
            """,
            reader => (Name: reader.GetString(0), Type: reader.GetString(1)))).ToDictionary(column => column.Name, column => column.Type);

        Assert.Equal(
            expected.Select(field => $"{field.Column} {field.PostgreSql} {field.NullText}"),
            expected.Select(field => $"{field.Column} {(columns.TryGetValue(field.Column, out var type) ? type : "(missing)")}"));
    }

    [SkippableFact]
    public async Task Product_has_its_unique_and_plain_indexes_and_one_on_each_foreign_key()
    {
        var indexes = (await QueryAsync(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'Products' AND indexname LIKE 'IX\\_%'",
            reader => (Name: reader.GetString(0), Definition: reader.GetString(1))))
            .OrderBy(index => index.Name, StringComparer.Ordinal)
            .Select(index => index.Definition);

        var expected = ProductFields.UniqueIndexes.Select(index => (index.Name, Definition: $"CREATE UNIQUE INDEX \"{index.Name}\" ON public.\"Products\" USING btree (\"{index.Column}\")"))
            .Concat(ProductFields.PlainIndexes.Select(index => (index.Name, Definition: $"CREATE INDEX \"{index.Name}\" ON public.\"Products\" USING btree ({string.Join(", ", index.Column.Split(", ").Select(column => $"\"{column}\""))})")))
            .OrderBy(index => index.Name, StringComparer.Ordinal)
            .Select(index => index.Definition);
        Assert.Equal(expected, indexes);
    }

    [SkippableFact]
    public async Task The_database_itself_refuses_each_bad_Product_row_written_with_raw_SQL()
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var supplierId = Convert.ToInt64(
            await new NpgsqlCommand(ProductFields.Insert("Suppliers", ProductFields.SupplierRow(postgreSql: true)) + " RETURNING \"Id\"", connection, transaction).ExecuteScalarAsync(),
            System.Globalization.CultureInfo.InvariantCulture);
        var valid = ProductFields.ValidRow(supplierId, postgreSql: true, afterAddFields: true);
        var accepted = new List<string>();

        foreach (var (name, column, value) in ProductFields.BadRows)
        {
            await transaction.SaveAsync("bad_row");
            try
            {
                await new NpgsqlCommand(ProductFields.InsertProduct(valid, column, value), connection, transaction).ExecuteNonQueryAsync();
                accepted.Add($"{name} ({column} = {value})");
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation
                or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.StringDataRightTruncation)
            {
                // Refused by the constraint the field spec asked for.
            }

            await transaction.RollbackAsync("bad_row");
        }

        Assert.True(accepted.Count == 0, $"PostgreSQL accepted these rows the field specs forbid:\n  {string.Join("\n  ", accepted)}");
        Assert.Equal(1, await new NpgsqlCommand(ProductFields.InsertProduct(valid), connection, transaction).ExecuteNonQueryAsync());
        await transaction.RollbackAsync();
    }

    [SkippableFact]
    public async Task Every_foreign_key_is_covered_by_an_index_on_its_columns()
    {
        var unindexed = await PostgresCatalog.UnindexedForeignKeysAsync(await ConnectionStringAsync());
        var foreignKeyIndexes = await QueryAsync(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ('IX_Orders_CustomerId', 'IX_OrderLines_OrderId') ORDER BY indexname",
            reader => reader.GetString(0));

        Assert.True(unindexed.Count == 0, $"Foreign keys whose columns do not lead any index:\n  {string.Join("\n  ", unindexed)}");
        Assert.Equal(
            [
                "CREATE INDEX \"IX_OrderLines_OrderId\" ON public.\"OrderLines\" USING btree (\"OrderId\")",
                "CREATE INDEX \"IX_Orders_CustomerId\" ON public.\"Orders\" USING btree (\"CustomerId\")",
            ],
            foreignKeyIndexes);
    }

    [SkippableFact]
    public async Task The_generated_tests_run_against_PostgreSQL_pass_with_none_skipped_and_cover_every_new_entity()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("With ConnectionStrings__ShopTests set, no generated test may skip unless it does not apply to its entity."));
        EntityProjectFixture.AssertCoversEveryEntity(run);
    }

    [SkippableFact]
    public async Task The_generated_index_and_translation_tests_pass_for_every_scope_on_PostgreSQL()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        EntityScopes.AssertEveryScopeAnsweredThroughAnIndex(run);
        EntityScopes.AssertEveryScopeTranslated(run);
    }

    private async Task<string> ConnectionStringAsync() => (await Fixture.MigratedDatabaseAsync(Hive)).ConnectionString;

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read) =>
        await PostgresCatalog.QueryAsync(await ConnectionStringAsync(), sql, read);
}
