using Npgsql;
using Strata.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// <c>dotnet new modelproject -n Shop --database PostgreSql --soft-delete</c>, migrated into a fresh database on
/// the throwaway cluster that build/test.sh starts.
/// </summary>
public sealed class PostgreSqlShopFixture() : ModelProjectFixture("Shop", "Shop", "modelproject-postgresql-softdelete", "--database", "PostgreSql", "--soft-delete")
{
    /// <summary>A new database on the test server after <c>dotnet ef database update --connection</c>, run once.</summary>
    public async Task<TemporaryDatabase> MigratedDatabaseAsync(TemplateHive hive) => await (await GetAsync(hive)).MigratedPostgresDatabaseAsync();

    /// <summary>
    /// The generated tests with <c>ConnectionStrings__ShopTests</c> naming the test server (without a
    /// Database key: the tests create their own databases), run once.
    /// </summary>
    public async Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) => await (await GetAsync(hive)).GeneratedTestsAsync();
}

[Collection(TemplateHiveCollection.Name)]
public sealed class PostgreSqlModelProjectTests(TemplateHive hive, PostgreSqlShopFixture fixture, ITestOutputHelper output)
    : ModelProjectTests<PostgreSqlShopFixture>(hive, fixture, output)
{
    private const int MinimumGeneratedTestsPassed = 50;

    [SkippableFact]
    public async Task Database_update_creates_the_Suppliers_Products_and_migrations_history_tables()
    {
        var tables = await QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
            reader => reader.GetString(0));

        Assert.Equal(["Products", "Suppliers", "__EFMigrationsHistory"], tables.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Every_table_has_CreatedAt_and_UpdatedAt_as_NOT_NULL_timestamp_with_time_zone()
    {
        var columns = await QueryAsync(
            """
            SELECT t.table_name, a.column_name, c.data_type, c.is_nullable
            FROM information_schema.tables t
            CROSS JOIN (VALUES ('CreatedAt'), ('UpdatedAt')) AS a(column_name)
            LEFT JOIN information_schema.columns c
              ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = a.column_name
            WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name NOT LIKE '\_\_EF%'
            ORDER BY t.table_name, a.column_name
            """,
            reader => $"{reader.GetString(0)}.{reader.GetString(1)}: {(reader.IsDBNull(2) ? "missing" : $"{reader.GetString(2)} {(reader.GetString(3) == "NO" ? "NOT NULL" : "NULL")}")}");

        Assert.Equal(
            [
                "Products.CreatedAt: timestamp with time zone NOT NULL",
                "Products.UpdatedAt: timestamp with time zone NOT NULL",
                "Suppliers.CreatedAt: timestamp with time zone NOT NULL",
                "Suppliers.UpdatedAt: timestamp with time zone NOT NULL",
            ],
            columns);
    }

    [SkippableTheory]
    [InlineData("Suppliers", "IX_Suppliers_Code", "Code")]
    [InlineData("Products", "IX_Products_Sku", "Sku")]
    public async Task Natural_keys_have_unique_indexes_over_the_live_rows(string table, string index, string column)
    {
        var definitions = await QueryAsync(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @table AND indexname = @index",
            reader => reader.GetString(0),
            ("table", table),
            ("index", index));

        var definition = Assert.Single(definitions);
        // A partial index: a soft-deleted row's value can be used again (--soft-delete).
        Assert.Equal($"CREATE UNIQUE INDEX \"{index}\" ON public.\"{table}\" USING btree (\"{column}\") WHERE (\"DeletedAt\" IS NULL)", definition);
    }

    [SkippableFact]
    public async Task Products_reference_Suppliers_with_a_foreign_key_whose_delete_rule_is_RESTRICT()
    {
        var foreignKeys = await PostgresCatalog.ForeignKeysAsync(await ConnectionStringAsync());

        Assert.Equal(["Products.SupplierId -> Suppliers.Id ON DELETE RESTRICT"], foreignKeys);
    }

    [SkippableFact]
    public async Task Every_foreign_key_is_covered_by_an_index_on_its_columns()
    {
        var unindexed = await PostgresCatalog.UnindexedForeignKeysAsync(await ConnectionStringAsync());
        var supplierIndex = await QueryAsync(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'IX_Products_SupplierId'",
            reader => reader.GetString(0));

        Assert.True(unindexed.Count == 0, $"Foreign keys whose columns do not lead any index:\n  {string.Join("\n  ", unindexed)}");
        Assert.Equal(["CREATE INDEX \"IX_Products_SupplierId\" ON public.\"Products\" USING btree (\"SupplierId\")"], supplierIndex);
    }

    [SkippableTheory]
    [InlineData("Suppliers", "Name", "character varying(200) NOT NULL")]
    [InlineData("Suppliers", "Code", "character varying(20) NOT NULL")]
    [InlineData("Products", "Sku", "character varying(32) NOT NULL")]
    [InlineData("Products", "Name", "character varying(200) NOT NULL")]
    [InlineData("Products", "Description", "character varying(2000) NULL")]
    [InlineData("Products", "Status", "character varying(50) NOT NULL")]
    [InlineData("Products", "Price", "numeric(18,2) NOT NULL")]
    [InlineData("Products", "QuantityInStock", "integer NOT NULL")]
    [InlineData("Products", "SupplierId", "integer NOT NULL")]
    public async Task Columns_have_their_intended_types_and_nullability(string table, string column, string expected)
    {
        var columns = await QueryAsync(
            """
            SELECT format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
            FROM pg_attribute a
            WHERE a.attrelid = format('public.%I', @table)::regclass AND a.attname = @column AND a.attnum > 0 AND NOT a.attisdropped
            """,
            reader => reader.GetString(0),
            ("table", table),
            ("column", column));

        Assert.Equal([expected], columns);
    }

    [SkippableFact]
    public async Task No_text_column_is_unbounded()
    {
        var unbounded = await QueryAsync(
            """
            SELECT table_name || '.' || column_name || ': ' || data_type
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
              AND (data_type = 'text' OR (data_type IN ('character varying', 'character') AND character_maximum_length IS NULL))
            """,
            reader => reader.GetString(0));

        Assert.True(unbounded.Count == 0, $"Text columns without a maximum length:\n  {string.Join("\n  ", unbounded)}");
    }

    [SkippableTheory]
    [InlineData("CK_Products_Price_NonNegative", "CHECK ((\"Price\" >= (0)::numeric))")]
    [InlineData("CK_Products_QuantityInStock_NonNegative", "CHECK ((\"QuantityInStock\" >= 0))")]
    [InlineData("CK_Products_Status_Enum", "CHECK (((\"Status\")::text = ANY ((ARRAY['Draft'::character varying, 'Active'::character varying, 'Discontinued'::character varying])::text[])))")]
    public async Task Value_rules_are_CHECK_constraints_on_Products(string constraint, string expectedDefinition)
    {
        var definitions = await QueryAsync(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' AND conrelid = 'public.\"Products\"'::regclass AND conname = @name",
            reader => reader.GetString(0),
            ("name", constraint));

        Assert.Equal([expectedDefinition], definitions);
    }

    [SkippableFact]
    public async Task The_generated_tests_run_against_PostgreSQL_and_pass_with_none_skipped()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(MinimumGeneratedTestsPassed, Output);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("With ConnectionStrings__ShopTests set, no generated test may skip unless it does not apply to its entity."));
    }

    private async Task<string> ConnectionStringAsync() => (await Fixture.MigratedDatabaseAsync(Hive)).ConnectionString;

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters) =>
        await PostgresCatalog.QueryAsync(await ConnectionStringAsync(), sql, read, parameters);
}
