using Npgsql;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>A uniquely named PostgreSQL database that is dropped (even with open connections) on dispose.</summary>
public sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder _server;

    internal TemporaryDatabase(NpgsqlConnectionStringBuilder server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string for this database (the server's, with Database replaced).</summary>
    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await PostgresServer.DropDatabaseAsync(_server, Name);
    }
}
