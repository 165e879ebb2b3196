using Microsoft.Data.Sqlite;
using Strata.Templates.Tests.Infrastructure;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>Read-only catalog queries (sqlite_master and the pragma table functions) on a migrated SQLite file.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>
    /// Runs <c>dotnet ef database update --connection "Data Source=&lt;new file&gt;"</c> on the project
    /// and returns the file's path; fails with the command's output unless it worked.
    /// </summary>
    public static async Task<string> UpdateAsync(TemplateHive hive, Task<GeneratedProject> generated)
    {
        var project = await generated;
        var path = Path.Combine(hive.CreateTempDirectory("sqlite-database"), $"{project.Identifier}.db");
        var update = await project.EfAsync("database", "update", "--connection", $"Data Source={path}");
        Assert.True(update.Succeeded && File.Exists(path), $"dotnet ef database update did not create {path}:\n{update.Describe()}");
        return path;
    }

    /// <summary>Opens <paramref name="path"/> read-only, or read-write with foreign keys enforced (to try raw SQL on a copy).</summary>
    public static async Task<SqliteDatabase> OpenAsync(string path, bool writable = false)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = writable ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
            ForeignKeys = writable ? true : null,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return new SqliteDatabase(connection);
    }

    /// <summary>Runs one statement (raw SQL, no model in between) and returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text (NULL as null).</summary>
    public Task<List<string?>> TextColumnAsync(string sql) => QueryAsync(sql, reader => reader.IsDBNull(0) ? null : reader.GetValue(0).ToString());

    /// <summary>The tables of the model: all but SQLite's and EF's own bookkeeping tables.</summary>
    public static IReadOnlyList<string> ModelTables(IEnumerable<string> tables) =>
        [.. tables.Where(table => !table.StartsWith("__EF", StringComparison.Ordinal) && !table.StartsWith("sqlite_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public Task<List<string>> TablesAsync() =>
        QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", reader => reader.GetString(0));

    public Task<List<SqliteColumn>> ColumnsAsync(string table) =>
        QueryAsync(
            "SELECT name, type, \"notnull\" FROM pragma_table_info($table) ORDER BY cid",
            reader => new SqliteColumn(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) == 1),
            table);

    public Task<List<SqliteForeignKey>> ForeignKeysAsync(string table) =>
        QueryAsync(
            "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($table) ORDER BY id, seq",
            reader => new SqliteForeignKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)),
            table);

    public async Task<List<SqliteIndex>> IndexesAsync(string table)
    {
        var indexes = await QueryAsync(
            "SELECT name, \"unique\" FROM pragma_index_list($table) ORDER BY name",
            reader => (Name: reader.GetString(0), Unique: reader.GetInt64(1) == 1),
            table);
        var result = new List<SqliteIndex>();
        foreach (var (name, unique) in indexes)
        {
            var columns = await QueryAsync("SELECT name FROM pragma_index_info($table) ORDER BY seqno", reader => reader.GetString(0), name);
            result.Add(new SqliteIndex(name, unique, columns));
        }

        return result;
    }

    /// <summary>The CREATE TABLE statement SQLite keeps for <paramref name="table"/>.</summary>
    public async Task<string> CreateTableSqlAsync(string table) =>
        (await QueryAsync("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $table", reader => reader.GetString(0), table))
        .SingleOrDefault() ?? throw new InvalidOperationException($"No table {table} in the database.");

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, string? table = null)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (table is not null)
        {
            command.Parameters.AddWithValue("$table", table);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

public sealed record SqliteColumn(string Name, string Type, bool NotNull);

public sealed record SqliteForeignKey(string Table, string From, string To, string OnDelete);

public sealed record SqliteIndex(string Name, bool Unique, IReadOnlyList<string> Columns)
{
    public override string ToString() => $"{(Unique ? "UNIQUE " : "")}{Name}({string.Join(", ", Columns)})";
}
