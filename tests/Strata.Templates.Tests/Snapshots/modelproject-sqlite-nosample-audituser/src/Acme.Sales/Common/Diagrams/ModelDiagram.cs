using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Acme.Sales.Common.Diagrams;

/// <summary>
/// Draws the model the way the database will look, as the Mermaid <c>erDiagram</c> of <c>docs/model.md</c>:
/// tables, columns with their store types, PK/FK/UK markers, NOT NULL, and one relationship per foreign key
/// with its cardinality and delete rule. The same model always gives the same text, so the file diffs cleanly.
/// </summary>
/// <remarks>
/// <c>dotnet strata diagram</c> runs <see cref="ForDesignTime"/> inside this project's own dependencies (as
/// <c>dotnet ef</c> runs its design-time code), and <c>ModelDiagramTests</c> compares the file with it, so the
/// tool and the test can never draw two different pictures.
/// </remarks>
public static class ModelDiagram
{
    /// <summary>Where the diagram lives, relative to the solution folder.</summary>
    public const string RelativePath = "docs/model.md";

    /// <summary>The command that rewrites <see cref="RelativePath"/>.</summary>
    public const string Command = "dotnet strata diagram";

    /// <summary>The diagram of the model <c>dotnet ef</c> sees (the one migrations are made from).</summary>
    public static string ForDesignTime()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        return Markdown(context);
    }

    /// <summary>The whole <c>docs/model.md</c> for <paramref name="context"/>'s design-time model.</summary>
    public static string Markdown(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var text = new StringBuilder();
        text.Append("# Data model\n\n");
        text.Append($"The tables of `{context.GetType().Name}` as `{context.Database.ProviderName}` creates them, drawn from EF Core's design-time model. ");
        text.Append($"Written by `{Command}`, which the scaffolder runs after every change it makes; a test fails when this file no longer matches the model.\n\n");
        text.Append("Keys: PK primary key, FK foreign key, UK unique in every row; a unique index limited by a filter is noted as \"unique where ...\" instead. ");
        text.Append("A relationship's label is its foreign key and what deleting the referenced row does; ");
        text.Append("\"max length\" and \"precision\" are the model's limits where the store type shows none; a \"system column\" is one the database keeps in every table and no migration creates. ");
        text.Append("Store types with spaces are written with `_` (Mermaid attribute types cannot hold spaces).\n\n");
        text.Append("```mermaid\n");
        text.Append(ErDiagram(model.GetRelationalModel(), context.Database.ProviderName));
        text.Append("```\n");
        return text.ToString();
    }

    /// <summary>
    /// The <c>erDiagram</c> block for <paramref name="relationalModel"/> (without the Markdown fence).
    /// <paramref name="providerName"/> (<c>Database.ProviderName</c>) tells which columns are the database's own.
    /// </summary>
    public static string ErDiagram(IRelationalModel relationalModel, string? providerName)
    {
        var systemColumns = providerName == PostgreSqlProvider ? PostgreSqlSystemColumns : [];
        var tables = relationalModel.Tables.OrderBy(QualifiedName, StringComparer.Ordinal).ToList();
        var text = new StringBuilder("erDiagram\n");
        foreach (var table in tables)
        {
            AppendTable(text, table, systemColumns);
        }

        var relationships = tables
            .SelectMany(table => table.ForeignKeyConstraints)
            .OrderBy(foreignKey => QualifiedName(foreignKey.PrincipalTable), StringComparer.Ordinal)
            .ThenBy(foreignKey => QualifiedName(foreignKey.Table), StringComparer.Ordinal)
            .ThenBy(foreignKey => foreignKey.Name, StringComparer.Ordinal);
        foreach (var foreignKey in relationships)
        {
            text.Append($"    {EntityName(foreignKey.PrincipalTable)} {Cardinality(foreignKey)} {EntityName(foreignKey.Table)} : \"{Label(foreignKey)}\"\n");
        }

        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, ITable table, IReadOnlySet<string> systemColumns)
    {
        var primaryKey = table.PrimaryKey?.Columns ?? [];
        var foreignKeyColumns = table.ForeignKeyConstraints.SelectMany(foreignKey => foreignKey.Columns).ToHashSet();
        var uniqueColumns = table.UniqueConstraints.Where(unique => !unique.GetIsPrimaryKey()).SelectMany(unique => unique.Columns)
            .Concat(table.Indexes.Where(IsUniqueInEveryRow).SelectMany(index => index.Columns))
            .ToHashSet();

        // A unique index with a filter (e.g. soft delete's live rows only) lets the other rows repeat a value, so
        // UK would claim more than the database enforces: such a column gets a note with the filter instead.
        var filteredUniqueIndexes = table.Indexes.Where(index => index.IsUnique && !IsUniqueInEveryRow(index))
            .OrderBy(index => index.Name, StringComparer.Ordinal)
            .ToList();

        // Key columns first, in key order; the rest by name. Owned and complex types are columns of this table.
        var columns = primaryKey.Concat(table.Columns.Where(column => !primaryKey.Contains(column)).OrderBy(column => column.Name, StringComparer.Ordinal));

        text.Append($"    {EntityName(table)} {{\n");
        foreach (var column in columns)
        {
            var keys = new List<string>();
            if (primaryKey.Contains(column))
            {
                keys.Add("PK");
            }

            if (foreignKeyColumns.Contains(column))
            {
                keys.Add("FK");
            }

            if (uniqueColumns.Contains(column))
            {
                keys.Add("UK");
            }

            text.Append($"        {Word(column.StoreType)} {Word(column.Name)}");
            if (keys.Count > 0)
            {
                text.Append(' ').Append(string.Join(", ", keys));
            }

            var notes = systemColumns.Contains(column.Name) ? SystemColumnNotes(column) : Notes(column, filteredUniqueIndexes);
            if (notes.Count > 0)
            {
                text.Append($" \"{Comment(string.Join(", ", notes))}\"");
            }

            text.Append('\n');
        }

        text.Append("    }\n");
    }

    /// <summary>NOT NULL, the model's limits where the store type hides them, and the filtered unique indexes.</summary>
    private static List<string> Notes(IColumn column, IEnumerable<ITableIndex> filteredUniqueIndexes)
    {
        var notes = new List<string>();
        if (!column.IsNullable)
        {
            notes.Add("NOT NULL");
        }

        // A store type without a size (SQLite's TEXT) hides the model's limits; show them.
        if (!column.StoreType.Contains('('))
        {
            var property = column.PropertyMappings.Select(mapping => mapping.Property).OrderBy(property => property.Name, StringComparer.Ordinal).First();
            if (property.GetMaxLength() is > 0 and var maxLength)
            {
                notes.Add($"max length {maxLength}");
            }

            if (property.GetPrecision() is { } precision)
            {
                notes.Add(property.GetScale() is { } scale ? $"precision {precision},{scale}" : $"precision {precision}");
            }
        }

        foreach (var index in filteredUniqueIndexes.Where(index => index.Columns.Contains(column)))
        {
            var together = index.Columns.Count > 1 ? $" ({string.Join(", ", index.Columns.Select(other => other.Name))})" : "";

            // Mermaid comments cannot hold double quotes: "DeletedAt" IS NULL is written DeletedAt IS NULL.
            notes.Add($"unique{together} where {index.Filter!.Replace("\"", "")}");
        }

        return notes;
    }

    /// <summary>
    /// PostgreSQL projects map BaseEntity.Version, the concurrency token, to the system column xmin: every table has it and
    /// no migration creates it. It is drawn rather than left out because the model maps a property to it (a reader looking
    /// for Version finds it here), and noted as what it is instead of with the constraints of a created column.
    /// </summary>
    private static List<string> SystemColumnNotes(IColumn column) =>
        column.PropertyMappings.Any(mapping => mapping.Property.IsConcurrencyToken)
            ? ["system column, not created by migrations", "concurrency token"]
            : ["system column, not created by migrations"];

    /// <summary>
    /// Crow's feet read from the foreign key: the referenced row is exactly one (required) or zero or one
    /// (optional); the referencing rows are zero or one when the key columns are unique (one-to-one), else
    /// zero or more. A many-to-many is its join table with two of these.
    /// </summary>
    private static string Cardinality(IForeignKeyConstraint foreignKey)
    {
        var principal = foreignKey.Columns.Any(column => column.IsNullable) ? "|o" : "||";
        var dependent = IsUnique(foreignKey) ? "o|" : "o{";
        return $"{principal}--{dependent}";
    }

    private static bool IsUnique(IForeignKeyConstraint foreignKey)
    {
        var columns = foreignKey.Columns.ToHashSet();
        bool Covers(IEnumerable<IColumn> key) => key.ToHashSet().SetEquals(columns);
        var table = foreignKey.Table;
        return (table.PrimaryKey is { } primaryKey && Covers(primaryKey.Columns))
            || table.UniqueConstraints.Any(unique => Covers(unique.Columns))
            || table.Indexes.Any(index => IsUniqueInEveryRow(index) && Covers(index.Columns));
    }

    /// <summary>
    /// A unique index without a filter, or with one that only leaves out rows whose key columns are NULL: SQL Server's
    /// default for a unique index on nullable columns (<c>[Barcode] IS NOT NULL</c>), which gives it the NULL rule a
    /// unique index has on PostgreSQL and SQLite anyway (rows without a value never clash). Any other filter, such as soft
    /// delete's <c>"DeletedAt" IS NULL</c>, makes the values unique only in the rows it selects.
    /// </summary>
    private static bool IsUniqueInEveryRow(ITableIndex index)
    {
        if (!index.IsUnique)
        {
            return false;
        }

        if (index.Filter is null)
        {
            return true;
        }

        var nullable = index.Columns.Where(column => column.IsNullable).Select(column => column.Name).ToList();
        return nullable.Count > 0
            && (index.Filter == string.Join(" AND ", nullable.Select(name => $"[{name}] IS NOT NULL"))
                || index.Filter == string.Join(" AND ", nullable.Select(name => $"\"{name}\" IS NOT NULL")));
    }

    private static string Label(IForeignKeyConstraint foreignKey)
    {
        var onDelete = foreignKey.OnDeleteAction switch
        {
            ReferentialAction.Cascade => "CASCADE",
            ReferentialAction.Restrict => "RESTRICT",
            ReferentialAction.SetNull => "SET NULL",
            ReferentialAction.SetDefault => "SET DEFAULT",
            _ => "NO ACTION",
        };
        return Comment($"{string.Join(", ", foreignKey.Columns.Select(column => column.Name))}: ON DELETE {onDelete}");
    }

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// PostgreSQL's system columns (https://www.postgresql.org/docs/current/ddl-system-columns.html): every table has
    /// them, a table cannot declare a column of the same name, and Npgsql's migrations skip them.
    /// </summary>
    private static readonly HashSet<string> PostgreSqlSystemColumns = new(StringComparer.Ordinal) { "tableoid", "xmin", "cmin", "xmax", "cmax", "ctid" };

    private static string QualifiedName(ITable table) => table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "erDiagram", "style", "classDef", "class", "subgraph", "end", "direction", "title", "accTitle", "accDescr",
        "one", "only", "many", "zero", "to", "optionally", "u", "PK", "FK", "UK",
    };

    /// <summary>Inside an entity's block only the key markers are words Mermaid reads as keywords.</summary>
    private static readonly HashSet<string> KeyMarkers = new(StringComparer.OrdinalIgnoreCase) { "PK", "FK", "UK" };

    /// <summary>A table as a Mermaid entity: bare when it is a plain word, else quoted (schema names, keywords).</summary>
    private static string EntityName(ITable table)
    {
        var name = QualifiedName(table);
        return IsPlainWord(name) && !Keywords.Contains(name) ? name : $"\"{Comment(name)}\"";
    }

    /// <summary>A store type or column name as one Mermaid attribute word: <c>character varying(32)</c> → <c>character_varying(32)</c>.</summary>
    private static string Word(string value)
    {
        var word = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            word.Append(char.IsAsciiLetterOrDigit(character) || character is '_' or '-' or '(' or ')' or '[' or ']' or '.' or ',' ? character : '_');
        }

        if (word.Length == 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            word.Insert(0, '_');
        }

        var text = word.ToString();
        return KeyMarkers.Contains(text) ? text + "_" : text;
    }

    private static bool IsPlainWord(string value) =>
        value.Length > 0 && (char.IsAsciiLetter(value[0]) || value[0] == '_') && value.All(character => char.IsAsciiLetterOrDigit(character) || character == '_');

    /// <summary>Text inside Mermaid double quotes, which cannot hold a double quote.</summary>
    private static string Comment(string value) => value.Replace('"', '\'');
}
