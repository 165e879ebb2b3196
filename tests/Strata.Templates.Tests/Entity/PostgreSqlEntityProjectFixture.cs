using Npgsql;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Entity;

/// <summary>
/// An entity project on PostgreSQL: what <see cref="EntityProjectFixture"/> does, plus a database on the throwaway cluster
/// (STRATA_TEST_POSTGRES) migrated with the project's own migrations, and the generated tests run against the cluster.
/// </summary>
/// <param name="databasePrefix">The start of the migrated database's name (a unique suffix is added).</param>
public abstract class PostgreSqlEntityProjectFixture(IMessageSink diagnostics, string snapshotName, string databasePrefix)
    : EntityProjectFixture(diagnostics, "PostgreSql", snapshotName)
{
    private Lazy<Task<TemporaryDatabase>>? _migratedDatabase;
    private Lazy<Task<GeneratedTestRun>>? _generatedTests;

    /// <summary>A new database after <c>dotnet ef database update --connection</c>, run once; dropped with the fixture.</summary>
    public Task<TemporaryDatabase> MigratedDatabaseAsync(TemplateHive hive) =>
        Once(ref _migratedDatabase, async () =>
        {
            var database = await PostgresServer.CreateDatabaseAsync(databasePrefix);
            var update = await EfAfterBuildAsync(hive, "database", "update", "--connection", database.ConnectionString);
            Assert.True(update.Succeeded, $"dotnet ef database update failed on {database.Name}:\n{update.Describe()}");
            return database;
        });

    /// <summary>
    /// The generated tests with <c>ConnectionStrings__ShopTests</c> naming the server without a Database key (the tests
    /// create their own databases), run once.
    /// </summary>
    public Task<GeneratedTestRun> GeneratedTestsAsync(TemplateHive hive) =>
        Once(ref _generatedTests, () =>
        {
            var server = new NpgsqlConnectionStringBuilder(PostgresServer.GetConnectionStringOrSkip());
            server.Remove("Database");
            return RunGeneratedTestsAsync(hive, new Dictionary<string, string?> { [EntityShop.TestsConnectionStringVariable] = server.ConnectionString });
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
