using Npgsql;

namespace Strata.Templates.Tests.Infrastructure;

/// <summary>Catalog queries against a migrated PostgreSQL database, shared by the modelproject and entity tests.</summary>
public static class PostgresCatalog
{
    /// <summary>Runs <paramref name="sql"/> (with named parameters) and reads every row.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        string connectionString, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Every foreign key column of the public schema as "Table.Column -> Table.Column ON DELETE RULE", ordered.</summary>
    public static Task<List<string>> ForeignKeysAsync(string connectionString) =>
        QueryAsync(
            connectionString,
            """
            SELECT tc.table_name, kcu.column_name, ref.table_name, ref_kcu.column_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
            JOIN information_schema.referential_constraints rc
              ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            JOIN information_schema.table_constraints ref
              ON ref.constraint_schema = rc.unique_constraint_schema AND ref.constraint_name = rc.unique_constraint_name
            JOIN information_schema.key_column_usage ref_kcu
              ON ref_kcu.constraint_schema = ref.constraint_schema AND ref_kcu.constraint_name = ref.constraint_name
             AND ref_kcu.ordinal_position = kcu.position_in_unique_constraint
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            ORDER BY tc.table_name, kcu.column_name
            """,
                    reader => $"{reader.GetString(0)}.{reader.GetString(1)} -> {reader.GetString(2)}.{reader.GetString(3)} ON DELETE {reader.GetString(4)}");

    /// <summary>Foreign keys ("table constraint") whose columns do not lead any index.</summary>
    public static Task<List<string>> UnindexedForeignKeysAsync(string connectionString) =>
        QueryAsync(
            connectionString,
            """
            SELECT c.conrelid::regclass::text || ' ' || c.conname
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND NOT EXISTS (
                SELECT 1 FROM pg_index i
                WHERE i.indrelid = c.conrelid
                  AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
                  AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
            """,
            reader => reader.GetString(0));
}
