namespace Strata.Templates.Tests.Relationships;

/// <summary>Rows of the relationship model as raw SQL (no model in between), the same text on SQLite and PostgreSQL.</summary>
public static class RelationshipRows
{
    /// <summary>An INSERT with the base columns (SQLite also needs Version; PostgreSQL uses xmin); join tables have CreatedAt only.</summary>
    public static string Insert(string table, bool postgreSql, params (string Column, string Value)[] values)
    {
        var row = values.ToList();
        row.Add(("CreatedAt", "'2025-01-01 00:00:00+00'"));
        if (table is not ("PlaylistProducts" or "RelatedProducts"))
        {
            row.Add(("UpdatedAt", "'2025-01-01 00:00:00+00'"));
            if (!postgreSql)
            {
                row.Add(("Version", "1"));
            }
        }

        return $"INSERT INTO \"{table}\" ({string.Join(", ", row.Select(pair => $"\"{pair.Column}\""))}) VALUES ({string.Join(", ", row.Select(pair => pair.Value))})";
    }
}
