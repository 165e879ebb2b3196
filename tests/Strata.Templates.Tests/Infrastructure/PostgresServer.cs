using System.Text.RegularExpressions;
using Npgsql;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server that build/postgres.sh started for this run, named by the
/// STRATA_TEST_POSTGRES connection string. Tests that need it call
/// <see cref="GetConnectionStringOrSkip"/> (inside a <c>[SkippableFact]</c>/<c>[SkippableTheory]</c>):
/// without a server they are skipped, unless STRATA_REQUIRE_POSTGRES=1, where they fail.
/// </summary>
public static partial class PostgresServer
{
    public const string ConnectionStringVariable = "STRATA_TEST_POSTGRES";
    public const string RequireVariable = "STRATA_REQUIRE_POSTGRES";

    /// <summary>True when STRATA_REQUIRE_POSTGRES=1 (as in CI): a missing server is a failure.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// The server's connection string. Without STRATA_TEST_POSTGRES, skips the calling test, or
    /// fails it when <see cref="IsRequired"/>.
    /// </summary>
    public static string GetConnectionStringOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        const string Missing = $"{ConnectionStringVariable} is not set";
        const string HowToFix = "start one with `eval \"$(bash build/postgres.sh start)\"` or run build/test.sh";
        if (IsRequired)
        {
            Assert.Fail($"{Missing} but {RequireVariable}=1 requires PostgreSQL: {HowToFix}.");
        }

        throw new SkipException($"PostgreSQL not available: {Missing} ({HowToFix}).");
    }

    /// <summary>
    /// Creates an empty database with a unique name on the server (skipping or failing like
    /// <see cref="GetConnectionStringOrSkip"/>); disposing the result drops it.
    /// </summary>
    /// <param name="namePrefix">Lower-case letters, digits and underscores, at most 30 characters; a GUID is appended.</param>
    public static async Task<TemporaryDatabase> CreateDatabaseAsync(string namePrefix = "strata_test")
    {
        if (!DatabaseNamePrefix().IsMatch(namePrefix))
        {
            throw new ArgumentException(
                $"'{namePrefix}' is not a usable database name prefix: use 1 to 30 lower-case letters, digits and underscores, starting with a letter.",
                nameof(namePrefix));
        }

        var server = new NpgsqlConnectionStringBuilder(GetConnectionStringOrSkip());
        var name = $"{namePrefix}_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {Quote(name)}");
        return new TemporaryDatabase(server, name);
    }

    internal static async Task DropDatabaseAsync(NpgsqlConnectionStringBuilder server, string name) =>
        await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,29}$")]
    private static partial Regex DatabaseNamePrefix();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
