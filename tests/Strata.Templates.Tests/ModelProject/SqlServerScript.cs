using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Strata.Templates.Tests.ModelProject;

/// <summary>
/// A T-SQL script parsed by Microsoft's own parser (ScriptDom), and the DDL it declares: tables
/// with their columns and constraints, and indexes. Only what the tests look at is collected.
/// </summary>
public sealed class SqlServerScript
{
    private SqlServerScript(string text, TSqlFragment fragment, IReadOnlyList<ParseError> errors)
    {
        Text = text;
        Fragment = fragment;
        Errors = errors;
        var collector = new DdlCollector();
        fragment?.Accept(collector);
        Tables = collector.Tables;
        Indexes = collector.Indexes;
    }

    public string Text { get; }

    public TSqlFragment Fragment { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>CREATE TABLE statements by table name (ALTER TABLE … ADD constraints are merged in).</summary>
    public IReadOnlyDictionary<string, SqlServerTable> Tables { get; }

    /// <summary>CREATE INDEX statements.</summary>
    public IReadOnlyList<SqlServerIndex> Indexes { get; }

    /// <summary>Parses with the given parser (e.g. <see cref="TSql160Parser"/>), quoted identifiers on.</summary>
    public static SqlServerScript Parse(string text, TSqlParser parser)
    {
        using var reader = new StringReader(text);
        var fragment = parser.Parse(reader, out var errors);
        return new SqlServerScript(text, fragment, [.. errors]);
    }

    /// <summary>The parse errors with the offending script line, for failure messages.</summary>
    public string DescribeErrors()
    {
        var lines = Text.Split('\n');
        var report = new StringBuilder();
        foreach (var error in Errors)
        {
            var line = error.Line >= 1 && error.Line <= lines.Length ? lines[error.Line - 1].TrimEnd('\r') : "";
            report.AppendLine($"  line {error.Line}, column {error.Column}: {error.Message} (error {error.Number})")
                .AppendLine($"    {line}");
        }

        return report.ToString();
    }

    /// <summary>The source text of a fragment with whitespace collapsed, brackets removed and lower-cased: <c>nvarchar(200)</c>.</summary>
    public static string Normalize(TSqlFragment fragment)
    {
        var text = new StringBuilder();
        for (var i = fragment.FirstTokenIndex; i <= fragment.LastTokenIndex; i++)
        {
            var token = fragment.ScriptTokenStream[i];
            if (token.TokenType is not (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment))
            {
                text.Append(token.Text);
            }
        }

        return text.ToString().Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    private sealed class DdlCollector : TSqlFragmentVisitor
    {
        public Dictionary<string, SqlServerTable> Tables { get; } = new(StringComparer.Ordinal);

        public List<SqlServerIndex> Indexes { get; } = [];

        public override void ExplicitVisit(CreateTableStatement node)
        {
            var table = Table(node.SchemaObjectName);
            AddColumns(table, node.Definition.ColumnDefinitions);
            AddConstraints(table, node.Definition.TableConstraints);
            base.ExplicitVisit(node);
        }

        /// <summary>ALTER TABLE … ADD: columns (a later migration, e.g. add-fields) and constraints.</summary>
        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            var table = Table(node.SchemaObjectName);
            AddColumns(table, node.Definition.ColumnDefinitions);
            AddConstraints(table, node.Definition.TableConstraints);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(CreateIndexStatement node)
        {
            Indexes.Add(new SqlServerIndex(
                node.Name.Value,
                node.OnName.BaseIdentifier.Value,
                node.Unique,
                [.. node.Columns.Select(column => column.Column.MultiPartIdentifier.Identifiers[^1].Value)],
                node.FilterPredicate is null ? null : Normalize(node.FilterPredicate)));
            base.ExplicitVisit(node);
        }

        private SqlServerTable Table(SchemaObjectName name)
        {
            var tableName = name.BaseIdentifier.Value;
            if (!Tables.TryGetValue(tableName, out var table))
            {
                table = new SqlServerTable(tableName);
                Tables[tableName] = table;
            }

            return table;
        }

        private static void AddColumns(SqlServerTable table, IEnumerable<ColumnDefinition> columns)
        {
            foreach (var column in columns)
            {
                var notNull = column.Constraints.OfType<NullableConstraintDefinition>().Any(constraint => !constraint.Nullable)
                    || column.Constraints.OfType<UniqueConstraintDefinition>().Any(constraint => constraint.IsPrimaryKey);
                table.Columns.Add(new SqlServerColumn(
                    column.ColumnIdentifier.Value,
                    column.DataType is null ? "(computed)" : Normalize(column.DataType),
                    notNull,
                    column.IdentityOptions is not null));
            }
        }

        private static void AddConstraints(SqlServerTable table, IEnumerable<ConstraintDefinition> constraints)
        {
            foreach (var constraint in constraints)
            {
                switch (constraint)
                {
                    case UniqueConstraintDefinition { IsPrimaryKey: true } primaryKey:
                        table.PrimaryKey.AddRange(primaryKey.Columns.Select(column => column.Column.MultiPartIdentifier.Identifiers[^1].Value));
                        break;
                    case ForeignKeyConstraintDefinition foreignKey:
                        table.ForeignKeys.Add(new SqlServerForeignKey(
                            foreignKey.ConstraintIdentifier?.Value ?? "",
                            [.. foreignKey.Columns.Select(column => column.Value)],
                            foreignKey.ReferenceTableName.BaseIdentifier.Value,
                            [.. foreignKey.ReferencedTableColumns.Select(column => column.Value)],
                            foreignKey.DeleteAction));
                        break;
                    case CheckConstraintDefinition check:
                        table.CheckConstraints[check.ConstraintIdentifier?.Value ?? ""] = Normalize(check.CheckCondition);
                        break;
                }
            }
        }
    }
}

public sealed class SqlServerTable(string name)
{
    public string Name { get; } = name;

    public List<SqlServerColumn> Columns { get; } = [];

    public List<string> PrimaryKey { get; } = [];

    public List<SqlServerForeignKey> ForeignKeys { get; } = [];

    /// <summary>Normalized conditions by constraint name.</summary>
    public Dictionary<string, string> CheckConstraints { get; } = new(StringComparer.Ordinal);

    public override string ToString() => $"{Name}({string.Join(", ", Columns)})";
}

public sealed record SqlServerColumn(string Name, string Type, bool NotNull, bool Identity)
{
    public override string ToString() => $"{Name} {Type} {(NotNull ? "NOT NULL" : "NULL")}{(Identity ? " IDENTITY" : "")}";
}

public sealed record SqlServerForeignKey(string Name, IReadOnlyList<string> Columns, string ReferencedTable, IReadOnlyList<string> ReferencedColumns, DeleteUpdateAction DeleteAction)
{
    public override string ToString() =>
        $"{Name}: ({string.Join(", ", Columns)}) -> {ReferencedTable}({string.Join(", ", ReferencedColumns)}) ON DELETE {DeleteAction}";
}

public sealed record SqlServerIndex(string Name, string Table, bool Unique, IReadOnlyList<string> Columns, string? Filter)
{
    public override string ToString() =>
        $"{(Unique ? "UNIQUE " : "")}{Name} ON {Table}({string.Join(", ", Columns)}){(Filter is null ? "" : " WHERE " + Filter)}";
}
