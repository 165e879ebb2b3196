using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Strata.Templates.Tests.Infrastructure;
using Strata.Templates.Tests.ModelProject;

namespace Strata.Templates.Tests.Relationships;

/// <summary>A foreign key column, its target table and its delete rule in SQL words (CASCADE, RESTRICT, NO ACTION, SET NULL).</summary>
public sealed record CatalogForeignKey(string Table, string Column, string ReferencedTable, string OnDelete)
{
    public override string ToString() => $"{Table}.{Column} -> {ReferencedTable} ON DELETE {OnDelete}";
}

public sealed record CatalogIndex(string Table, string Name, bool Unique, IReadOnlyList<string> Columns, string? Filter = null)
{
    public override string ToString() =>
        $"{(Unique ? "UNIQUE " : "")}{Name} ON {Table}({string.Join(", ", Columns)}){(Filter is null ? "" : " WHERE " + Filter)}";
}

public sealed record CatalogTable(string Name, IReadOnlyList<string> PrimaryKey, IReadOnlyDictionary<string, bool> NotNullByColumn);

/// <summary>
/// What a provider's catalog (or, for SQL Server, the migration script) says about the model's tables, in one shape
/// for every provider: tables with their primary key and NULL-ability, foreign keys with delete rules, and indexes
/// (primary keys left out). EF's own bookkeeping tables are left out.
/// </summary>
public sealed class RelationshipCatalog(
    IReadOnlyDictionary<string, CatalogTable> tables, IReadOnlyList<CatalogForeignKey> foreignKeys, IReadOnlyList<CatalogIndex> indexes)
{
    public IReadOnlyDictionary<string, CatalogTable> Tables { get; } = tables;

    public IReadOnlyList<CatalogForeignKey> ForeignKeys { get; } = foreignKeys;

    public IReadOnlyList<CatalogIndex> Indexes { get; } = indexes;

    /// <summary>Foreign keys whose column does not lead any index or the primary key.</summary>
    public IReadOnlyList<CatalogForeignKey> UnindexedForeignKeys =>
        [.. ForeignKeys.Where(key =>
            !Indexes.Any(index => index.Table == key.Table && index.Columns.FirstOrDefault() == key.Column)
            && !(Tables.TryGetValue(key.Table, out var table) && table.PrimaryKey.FirstOrDefault() == key.Column))];

    public string Describe() =>
        $"tables: {string.Join(", ", Tables.Values.Select(table => $"{table.Name} PK({string.Join(", ", table.PrimaryKey)})"))}\n"
        + $"foreign keys:\n  {string.Join("\n  ", ForeignKeys)}\nindexes:\n  {string.Join("\n  ", Indexes)}";

    private static bool IsModelTable(string table) => !table.StartsWith("__EF", StringComparison.Ordinal) && !table.StartsWith("sqlite_", StringComparison.Ordinal);

    /// <summary>Reads a migrated SQLite file (pragma table functions).</summary>
    public static async Task<RelationshipCatalog> ReadSqliteAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();

        async Task<List<T>> Query<T>(string sql, Func<SqliteDataReader, T> read, string? argument = null)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (argument is not null)
            {
                command.Parameters.AddWithValue("$argument", argument);
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(read(reader));
            }

            return rows;
        }

        var tables = new SortedDictionary<string, CatalogTable>(StringComparer.Ordinal);
        var foreignKeys = new List<CatalogForeignKey>();
        var indexes = new List<CatalogIndex>();
        foreach (var table in (await Query("SELECT name FROM sqlite_master WHERE type = 'table'", reader => reader.GetString(0))).Where(IsModelTable))
        {
            var columns = await Query(
                "SELECT name, \"notnull\", pk FROM pragma_table_info($argument)",
                reader => (Name: reader.GetString(0), NotNull: reader.GetInt64(1) == 1, Key: reader.GetInt64(2)),
                table);
            tables[table] = new CatalogTable(
                table,
                [.. columns.Where(column => column.Key > 0).OrderBy(column => column.Key).Select(column => column.Name)],
                columns.ToDictionary(column => column.Name, column => column.NotNull || column.Key > 0));
            foreignKeys.AddRange(await Query(
                "SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list($argument)",
                reader => new CatalogForeignKey(table, reader.GetString(0), reader.GetString(1), reader.GetString(2)),
                table));
            foreach (var (name, unique) in await Query(
                "SELECT name, \"unique\" FROM pragma_index_list($argument) WHERE origin = 'c'",
                reader => (reader.GetString(0), reader.GetInt64(1) == 1),
                table))
            {
                indexes.Add(new CatalogIndex(table, name, unique, await Query("SELECT name FROM pragma_index_info($argument) ORDER BY seqno", reader => reader.GetString(0), name)));
            }
        }

        return new RelationshipCatalog(tables, Sorted(foreignKeys), Sorted(indexes));
    }

    /// <summary>Reads the public schema of a migrated PostgreSQL database.</summary>
    public static async Task<RelationshipCatalog> ReadPostgreSqlAsync(string connectionString)
    {
        var columns = await PostgresCatalog.QueryAsync(
            connectionString,
            """
            SELECT c.table_name, c.column_name, c.is_nullable = 'NO'
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public'
            """,
            reader => (Table: reader.GetString(0), Column: reader.GetString(1), NotNull: reader.GetBoolean(2)));
        var indexColumns = await PostgresCatalog.QueryAsync(
            connectionString,
            """
            SELECT t.relname, ic.relname, i.indisprimary, i.indisunique, a.attname
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = 'public'
            ORDER BY t.relname, ic.relname, k.position
            """,
            reader => (Table: reader.GetString(0), Index: reader.GetString(1), Primary: reader.GetBoolean(2), Unique: reader.GetBoolean(3), Column: reader.GetString(4)));
        var foreignKeys = await PostgresCatalog.QueryAsync(
            connectionString,
            """
            SELECT tc.table_name, kcu.column_name, ref.table_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
            JOIN information_schema.referential_constraints rc ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            JOIN information_schema.table_constraints ref ON ref.constraint_schema = rc.unique_constraint_schema AND ref.constraint_name = rc.unique_constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """,
            reader => new CatalogForeignKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));

        var tables = new SortedDictionary<string, CatalogTable>(StringComparer.Ordinal);
        foreach (var group in columns.Where(column => IsModelTable(column.Table)).GroupBy(column => column.Table))
        {
            var primaryKey = indexColumns.Where(index => index.Table == group.Key && index.Primary).Select(index => index.Column).ToList();
            tables[group.Key] = new CatalogTable(group.Key, primaryKey, group.ToDictionary(column => column.Column, column => column.NotNull));
        }

        var indexes = indexColumns.Where(index => !index.Primary && IsModelTable(index.Table))
            .GroupBy(index => (index.Table, index.Index, index.Unique))
            .Select(group => new CatalogIndex(group.Key.Table, group.Key.Index, group.Key.Unique, [.. group.Select(index => index.Column)]))
            .ToList();
        return new RelationshipCatalog(tables, Sorted(foreignKeys.Where(key => IsModelTable(key.Table)).ToList()), Sorted(indexes));
    }

    /// <summary>Reads the DDL of a parsed SQL Server migration script (no server: the script is what would run).</summary>
    public static RelationshipCatalog FromSqlServerScript(SqlServerScript script)
    {
        var tables = new SortedDictionary<string, CatalogTable>(StringComparer.Ordinal);
        var foreignKeys = new List<CatalogForeignKey>();
        foreach (var table in script.Tables.Values.Where(table => IsModelTable(table.Name)))
        {
            tables[table.Name] = new CatalogTable(
                table.Name,
                table.PrimaryKey,
                table.Columns.ToDictionary(column => column.Name, column => column.NotNull || table.PrimaryKey.Contains(column.Name)));
            foreignKeys.AddRange(table.ForeignKeys.Select(key => new CatalogForeignKey(table.Name, string.Join(",", key.Columns), key.ReferencedTable, SqlWords(key.DeleteAction))));
        }

        var indexes = script.Indexes.Where(index => IsModelTable(index.Table))
            .Select(index => new CatalogIndex(index.Table, index.Name, index.Unique, index.Columns, index.Filter))
            .ToList();
        return new RelationshipCatalog(tables, Sorted(foreignKeys), Sorted(indexes));
    }

    /// <summary>ScriptDom's delete action as SQL says it; no ON DELETE clause is NO ACTION.</summary>
    private static string SqlWords(DeleteUpdateAction action) => action switch
    {
        DeleteUpdateAction.Cascade => "CASCADE",
        DeleteUpdateAction.SetNull => "SET NULL",
        DeleteUpdateAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static List<CatalogForeignKey> Sorted(List<CatalogForeignKey> keys) => [.. keys.OrderBy(key => key.ToString(), StringComparer.Ordinal)];

    private static List<CatalogIndex> Sorted(List<CatalogIndex> indexes) => [.. indexes.OrderBy(index => index.ToString(), StringComparer.Ordinal)];
}
