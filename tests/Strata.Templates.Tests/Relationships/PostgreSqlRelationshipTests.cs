using Npgsql;
using Strata.Templates.Tests.Entity;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Relationships;

/// <summary>Playlist removed from the migrated PostgreSQL project: the drop migration, applied to the same database.</summary>
public sealed record PostgreSqlDrop(CommandRun Remove, ProcessResult Update, ProcessResult? PendingModelChanges, IReadOnlyList<string> Tables);

/// <summary>
/// The PostgreSQL relationship project, migrated into a new database on the throwaway cluster (STRATA_TEST_POSTGRES);
/// at the end, Playlist (a many-to-many owner, not the latest migration) is removed and the drop migration applied.
/// <c>dotnet format</c> runs on the SQLite and SQL Server projects only: this project's code is the SQLite one's (the
/// scaffolder writes the same for both) apart from EF Core's migration.
/// </summary>
public sealed class PostgreSqlRelationshipFixture(IMessageSink diagnostics) : RelationshipProjectFixture(diagnostics, "PostgreSql", "relationships-postgresql", migrationPerCommand: false)
{
    private Lazy<Task<TemporaryDatabase>>? _migratedDatabase;
    private Lazy<Task<RelationshipCatalog>>? _catalog;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;
    private Lazy<Task<PostgreSqlDrop>>? _drop;

    public Task<TemporaryDatabase> MigratedDatabaseAsync(TemplateHive hive) =>
        Once(ref _migratedDatabase, async () =>
        {
            var database = await PostgresServer.CreateDatabaseAsync("relationship_shop");
            var update = await EfAfterBuildAsync(hive, "database", "update", "--connection", database.ConnectionString);
            Assert.True(update.Succeeded, $"dotnet ef database update failed on {database.Name}:\n{update.Describe()}");
            return database;
        });

    public Task<RelationshipCatalog> CatalogAsync(TemplateHive hive) =>
        Once(ref _catalog, async () => await RelationshipCatalog.ReadPostgreSqlAsync((await MigratedDatabaseAsync(hive)).ConnectionString));

    /// <summary>The generated tests with ConnectionStrings__ShopTests naming the server (the tests create their own databases).</summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) =>
        Once(ref _generatedTests, () =>
        {
            var server = new NpgsqlConnectionStringBuilder(PostgresServer.GetConnectionStringOrSkip());
            server.Remove("Database");
            return RunGeneratedTestsAsync(hive, new Dictionary<string, string?> { [EntityShop.TestsConnectionStringVariable] = server.ConnectionString });
        });

    /// <summary><c>dotnet strata remove Playlist</c>, then <c>dotnet ef database update</c> on the migrated database (building first, as a user would).</summary>
    public Task<PostgreSqlDrop> DropAsync(TemplateHive hive) =>
        Once(ref _drop, async () =>
        {
            var database = await MigratedDatabaseAsync(hive);
            await AfterReadingStepsAsync(hive, () => CatalogAsync(hive), () => GeneratedTestsAsync(hive));
            var shop = (await GetAsync(hive)).Shop;
            var remove = await RunAsync(shop, ModelCommand.Strata("remove", "Playlist"));
            var update = await TimedAsync("dotnet ef database update (builds; after remove Playlist)", () => shop.EfWithBuildAsync("database", "update", "--connection", database.ConnectionString));
            var pending = update.Succeeded ? await TimedAsync("dotnet ef migrations has-pending-model-changes (after remove Playlist)", () => shop.EfAsync("migrations", "has-pending-model-changes")) : null;
            var tables = (await RelationshipCatalog.ReadPostgreSqlAsync(database.ConnectionString)).Tables.Keys.ToList();
            return new PostgreSqlDrop(remove, update, pending, tables);
        });

    public override async Task DisposeAsync()
    {
        if (_migratedDatabase is { IsValueCreated: true } created && created.Value.IsCompletedSuccessfully)
        {
            await created.Value.Result.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

[Collection(TemplateHiveCollection.Name)]
public sealed class PostgreSqlRelationshipTests(TemplateHive hive, PostgreSqlRelationshipFixture fixture)
    : RelationshipTests<PostgreSqlRelationshipFixture>(hive, fixture)
{
    protected override IReadOnlyList<string> ExpectedForeignKeys =>
    [
        "Employees.ManagerId -> Employees ON DELETE RESTRICT",
        "Notes.EmployeeId -> Employees ON DELETE CASCADE",
        "Passports.EmployeeId -> Employees ON DELETE RESTRICT",
        "PlaylistProducts.PlaylistId -> Playlists ON DELETE CASCADE",
        "PlaylistProducts.ProductId -> Products ON DELETE CASCADE",
        "RelatedProducts.ProductId -> Products ON DELETE CASCADE",
        "RelatedProducts.RelatedId -> Products ON DELETE CASCADE",
    ];

    protected override Task<RelationshipCatalog> CatalogAsync() => Fixture.CatalogAsync(Hive);

    [SkippableFact]
    public async Task The_database_refuses_to_delete_a_manager_who_still_has_reports_and_accepts_a_cycle_so_no_row_dangles()
    {
        await using var connection = new NpgsqlConnection((await Fixture.MigratedDatabaseAsync(Hive)).ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task<object?> Scalar(string sql) => await new NpgsqlCommand(sql, connection, transaction).ExecuteScalarAsync();
        var ada = await Scalar(RelationshipRows.Insert("Employees", postgreSql: true, ("Name", "'Ada'")) + " RETURNING \"Id\"");
        var bob = await Scalar(RelationshipRows.Insert("Employees", postgreSql: true, ("Name", "'Bob'"), ("ManagerId", $"{ada}")) + " RETURNING \"Id\"");
        await transaction.SaveAsync("before_delete");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Scalar($"DELETE FROM \"Employees\" WHERE \"Id\" = {ada}"));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        await transaction.RollbackAsync("before_delete");
        await Scalar($"UPDATE \"Employees\" SET \"ManagerId\" = {bob} WHERE \"Id\" = {ada}");
        Assert.Equal(2L, await Scalar($"SELECT count(*) FROM \"Employees\" WHERE \"ManagerId\" IN ({ada}, {bob})"));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_cascade_cycle_and_the_two_cascade_paths_SQL_Server_refuses_are_accepted_on_PostgreSQL()
    {
        var cascade = (await Fixture.GetAsync(Hive)).Cascade;

        AssertAccepted(cascade.Cycle, "Chain");
        AssertAccepted(cascade.TwoPaths, "Review");
    }

    [SkippableFact]
    public async Task The_generated_tests_pass_against_PostgreSQL_and_their_relationship_tests_ran()
    {
        var run = await Fixture.GeneratedTestsAsync(Hive);

        run.AssertPassed(minimumPassed: 25);
        Assert.True(run.SkippedExceptNotApplicable.Count == 0, run.Describe("With ConnectionStrings__ShopTests set, no generated test may skip unless it does not apply."));
        AssertRelationshipTestsPassed(run);
    }

    [SkippableFact]
    public async Task Removing_a_many_to_many_owner_adds_a_drop_migration_that_applies_to_the_migrated_database()
    {
        var drop = await Fixture.DropAsync(Hive);

        Assert.True(drop.Remove.Result.Succeeded, drop.Remove.Describe("should exit 0"));
        Assert.Contains("Removed Playlist and added the migration RemovePlaylist, which drops its table.", drop.Remove.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("removed src/Shop/Entities/PlaylistProduct.cs", drop.Remove.Changes);
        Assert.Contains("changed src/Shop/Entities/Product.cs", drop.Remove.Changes); // its Playlists collection
        Assert.True(drop.Update.Succeeded, drop.Update.Describe());
        Assert.True(
            drop.PendingModelChanges is { Succeeded: true } pending && pending.Output.Contains("No changes have been made to the model since the last migration", StringComparison.Ordinal),
            drop.PendingModelChanges?.Describe() ?? "has-pending-model-changes did not run");
        Assert.Equal(["Employees", "Notes", "Passports", "Products", "RelatedProducts"], drop.Tables);
    }
}
