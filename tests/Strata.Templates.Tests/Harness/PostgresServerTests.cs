using Npgsql;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.Harness;

public sealed class PostgresServerTests
{
    [SkippableFact]
    public async Task A_temporary_database_can_be_used_and_is_dropped_on_dispose()
    {
        string name;
        await using (var database = await PostgresServer.CreateDatabaseAsync())
        {
            name = database.Name;
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);

            Assert.Equal(name, await command.ExecuteScalarAsync());
        }

        Assert.False(await DatabaseExistsAsync(name), $"Database {name} still exists after dispose.");
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.GetConnectionStringOrSkip());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
