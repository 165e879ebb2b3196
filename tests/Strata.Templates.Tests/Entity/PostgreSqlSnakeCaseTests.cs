using Npgsql;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// <c>modelproject -n Shop --no-sample --database PostgreSql --id-type guid --naming snake_case --soft-delete</c>, three entities from
/// <c>dotnet new entity --fields</c> (a parent, a <c>references</c> field, value rules, a unique field) and an
/// <c>add-fields</c> with a <c>:default</c>, migrated into a fresh database on the throwaway cluster (STRATA_TEST_POSTGRES).
/// </summary>
public sealed class PostgreSqlSnakeCaseFixture(IMessageSink diagnostics) : PostgreSqlEntityProjectFixture(diagnostics, "entity-postgresql-snake-case", "snake_shop")
{
    /// <summary>The entities, in order; the tables they give are <see cref="SnakeTables"/>.</summary>
    public static readonly IReadOnlyList<EntityCommand> SnakeCommands =
    [
        new("Supplier", "Suppliers", "--fields", "Code:string{20}:uniq Name:string{100}"),
        new("Order", "Orders", "--fields", "Number:string{20}:uniq Status:enum{Draft,Placed}"),
        new("OrderLine", "OrderLines", "--parent", "Order", "--fields", "Quantity:int:min(1) UnitPrice:decimal{10,2}:min(0) Supplier:references"),
    ];

    public static readonly IReadOnlyList<string> SnakeTables = ["order_lines", "orders", "suppliers"];

    protected override IReadOnlyList<EntityCommand> EntityCommands => SnakeCommands;

    protected override IReadOnlyList<string> ModelProjectOptions => ["--id-type", "guid", "--naming", "snake_case", "--soft-delete"];

    // A required column on a table that may hold rows: the tool must find EF Core's AddColumn under its snake_case names.
    protected override (string Entity, string Specs) AddedFields => ("Supplier", "Rating:int:default(3)");
}

/// <summary>
/// <c>--naming snake_case</c> with <c>--id-type guid</c> end to end on PostgreSQL: every name the database shows is snake_case (tables, columns, keys,
/// foreign keys, indexes, CHECKs), and everything the project builds on names keeps working: CHECK constraints, the
/// soft-delete partial unique indexes, foreign-key indexes, the timestamps, the scaffolder, the diagram, the generated tests.
/// </summary>
[Collection(TemplateHiveCollection.Name)]
public sealed class PostgreSqlSnakeCaseTests(TemplateHive hive, PostgreSqlSnakeCaseFixture fixture) : IClassFixture<PostgreSqlSnakeCaseFixture>
{
    [Fact]
    public Task Every_command_succeeds_and_the_solution_builds_formats_and_has_no_pending_model_changes() =>
        fixture.AssertCommandsBuildFormatAndMatchTheModelAsync(hive);

    [Fact]
    public async Task An_unknown_naming_gets_the_engines_choice_error_and_nothing_is_written()
    {
        var workingDirectory = hive.CreateTempDirectory("naming-kebab");

        var result = await hive.RunDotnetNewAsync(workingDirectory, "modelproject", "-n", "Shop", "--naming", "kebab");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("'kebab' is not a valid value for --naming", result.Output, StringComparison.Ordinal);
        Assert.Contains("snake_case", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
    }

    [SkippableFact]
    public async Task Tables_and_columns_are_snake_case_with_uuid_keys_and_NOT_NULL_timestamps()
    {
        var columns = await QueryAsync(
            """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name NOT LIKE '\_\_EF%'
            ORDER BY c.table_name, c.column_name
            """,
            reader => $"{reader.GetString(0)}.{reader.GetString(1)} {reader.GetString(2)}{(reader.GetString(3) == "NO" ? " NOT NULL" : "")}");

        Assert.Equal(
            [
                "order_lines.created_at timestamp with time zone NOT NULL",
                "order_lines.deleted_at timestamp with time zone",
                "order_lines.id uuid NOT NULL",
                "order_lines.order_id uuid NOT NULL",
                "order_lines.quantity integer NOT NULL",
                "order_lines.supplier_id uuid NOT NULL",
                "order_lines.unit_price numeric NOT NULL",
                "order_lines.updated_at timestamp with time zone NOT NULL",
                "orders.created_at timestamp with time zone NOT NULL",
                "orders.deleted_at timestamp with time zone",
                "orders.id uuid NOT NULL",
                "orders.number character varying NOT NULL",
                "orders.status character varying NOT NULL",
                "orders.updated_at timestamp with time zone NOT NULL",
                "suppliers.code character varying NOT NULL",
                "suppliers.created_at timestamp with time zone NOT NULL",
                "suppliers.deleted_at timestamp with time zone",
                "suppliers.id uuid NOT NULL",
                "suppliers.name character varying NOT NULL",
                "suppliers.rating integer NOT NULL",
                "suppliers.updated_at timestamp with time zone NOT NULL",
            ],
            columns);
    }

    [SkippableFact]
    public async Task Keys_foreign_keys_and_CHECKs_are_named_pk_fk_ck_and_the_database_enforces_them()
    {
        var constraints = await QueryAsync(
            """
            SELECT c.conrelid::regclass::text, c.contype::text, c.conname
            FROM pg_constraint c
            WHERE c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text NOT LIKE '%\_\_EF%'
            ORDER BY 1, 2, 3
            """,
            reader => $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        var foreignKeys = await PostgresCatalog.ForeignKeysAsync(await ConnectionStringAsync());

        Assert.Equal(
            [
                "order_lines c ck_order_lines_quantity_min",
                "order_lines c ck_order_lines_unit_price_non_negative",
                "order_lines f fk_order_lines_orders_order_id",
                "order_lines f fk_order_lines_suppliers_supplier_id",
                "order_lines p pk_order_lines",
                "orders c ck_orders_status_enum",
                "orders p pk_orders",
                "suppliers p pk_suppliers",
            ],
            constraints);
        Assert.Equal(
            [
                "order_lines.order_id -> orders.id ON DELETE CASCADE",
                "order_lines.supplier_id -> suppliers.id ON DELETE RESTRICT",
            ],
            foreignKeys);
    }

    [SkippableFact]
    public async Task Indexes_are_named_ix_every_foreign_key_has_one_and_unique_ones_cover_live_rows_only()
    {
        var indexes = await QueryAsync(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%' AND indexname LIKE 'ix\\_%' ORDER BY indexname",
            reader => reader.GetString(0));
        var unindexed = await PostgresCatalog.UnindexedForeignKeysAsync(await ConnectionStringAsync());

        Assert.True(unindexed.Count == 0, $"Foreign keys whose columns do not lead any index:\n  {string.Join("\n  ", unindexed)}");
        Assert.Contains("CREATE INDEX ix_order_lines_order_id ON public.order_lines USING btree (order_id)", indexes);
        Assert.Contains("CREATE INDEX ix_order_lines_supplier_id ON public.order_lines USING btree (supplier_id)", indexes);
        Assert.Contains("CREATE UNIQUE INDEX ix_orders_number ON public.orders USING btree (number) WHERE (deleted_at IS NULL)", indexes);
        Assert.Contains("CREATE UNIQUE INDEX ix_suppliers_code ON public.suppliers USING btree (code) WHERE (deleted_at IS NULL)", indexes);
        var notSnake = await QueryAsync(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%' AND indexname !~ '^(ix|pk)_[a-z0-9_]+$'",
            reader => reader.GetString(0));
        Assert.Empty(notSnake);
    }

    [SkippableFact]
    public async Task The_database_refuses_a_row_breaking_a_CHECK_and_a_second_live_row_with_the_same_code()
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        async Task<PostgresException> RefusedAsync(string sql)
        {
            await transaction.SaveAsync("attempt");
            var error = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection, transaction).ExecuteNonQueryAsync());
            await transaction.RollbackAsync("attempt");
            return error;
        }

        // The application makes the keys (--id-type guid): raw SQL brings its own.
        const string Supplier = "INSERT INTO suppliers (id, code, name, rating, created_at, updated_at) VALUES (gen_random_uuid(), 'ACME', 'Acme', 3, now(), now())";
        await new NpgsqlCommand(Supplier, connection, transaction).ExecuteNonQueryAsync();
        var duplicate = await RefusedAsync(Supplier);
        var status = await RefusedAsync("INSERT INTO orders (id, number, status, created_at, updated_at) VALUES (gen_random_uuid(), '1', 'Shipped', now(), now())");

        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        Assert.Equal("ix_suppliers_code", duplicate.ConstraintName);
        Assert.Equal(PostgresErrorCodes.CheckViolation, status.SqlState);
        Assert.Equal("ck_orders_status_enum", status.ConstraintName);

        // A soft-deleted supplier no longer holds its code.
        await new NpgsqlCommand("UPDATE suppliers SET deleted_at = now() WHERE code = 'ACME'", connection, transaction).ExecuteNonQueryAsync();
        Assert.Equal(1, await new NpgsqlCommand(Supplier, connection, transaction).ExecuteNonQueryAsync());
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Add_fields_writes_the_default_into_the_snake_case_AddColumn_and_the_diagram_shows_the_database_names()
    {
        var shop = (await fixture.GetAsync(hive)).Shop;
        var migration = Assert.Single(shop.MigrationFiles("AddRatingToSupplier"));
        var text = shop.ReadModelFile($"Migrations/{migration}");
        var diagram = File.ReadAllText(Path.Combine(shop.Root, "docs", "model.md"));

        Assert.Contains("name: \"rating\",", text, StringComparison.Ordinal);
        Assert.Contains("table: \"suppliers\",", text, StringComparison.Ordinal);
        Assert.Contains("defaultValue: 3);", text, StringComparison.Ordinal);
        Assert.Contains("    order_lines {", diagram, StringComparison.Ordinal);
        Assert.Contains(" supplier_id FK ", diagram, StringComparison.Ordinal);
        Assert.Contains("suppliers ||--o{ order_lines : \"supplier_id: ON DELETE RESTRICT\"", diagram, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_generated_tests_run_against_PostgreSQL_pass_with_none_skipped_and_cover_every_entity()
    {
        var run = await fixture.GeneratedTestsAsync(hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("With ConnectionStrings__ShopTests set, no generated test may skip unless it does not apply to its entity."));
        var uncovered = PostgreSqlSnakeCaseFixture.SnakeCommands.Select(command => command.Name)
            .Where(name => !run.Passed.Any(result => result.Name.Contains($"\"{name}\"", StringComparison.Ordinal)))
            .ToList();
        Assert.True(uncovered.Count == 0, run.Describe($"No passed generated test names these entities: {string.Join(", ", uncovered)}"));
    }

    private async Task<string> ConnectionStringAsync() => (await fixture.MigratedDatabaseAsync(hive)).ConnectionString;

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read) =>
        await PostgresCatalog.QueryAsync(await ConnectionStringAsync(), sql, read);
}
