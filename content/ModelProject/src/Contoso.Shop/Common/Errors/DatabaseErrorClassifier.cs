#if (UseSqlServer)
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
#elif (UsePostgreSql)
using Npgsql;
#else
using Microsoft.Data.Sqlite;
#endif

namespace Contoso.Shop.Common.Errors;

#if (UseSqlServer)
/// <summary>
/// Reads SQL Server's error numbers: 2601/2627 unique, 547 foreign key or check, 515 NOT NULL.
/// SQL Server names the constraint, table and column only in the message text, so they are parsed from it.
/// </summary>
public static partial class DatabaseErrorClassifier
{
    /// <summary>Classifies a provider exception, or returns <see langword="null"/> when it is not a constraint violation.</summary>
    public static ConstraintViolation? Classify(Exception exception) =>
        exception is SqlException sqlException ? Classify(sqlException.Number, sqlException.Message) : null;

    /// <summary>Classifies a SQL Server error by its number and message.</summary>
    public static ConstraintViolation? Classify(int errorNumber, string message) => errorNumber switch
    {
        2601 => new(ConstraintKind.Unique, Match(DuplicateKeyTable(), message), Match(UniqueIndexName(), message), null),
        2627 => new(ConstraintKind.Unique, Match(DuplicateKeyTable(), message), Match(ConstraintName(), message), null),
        547 when message.Contains("CHECK constraint", StringComparison.Ordinal) =>
            new(ConstraintKind.Check, Match(ConflictTable(), message), Match(ConflictConstraint(), message), Match(ConflictColumn(), message)),
        547 => new(ConstraintKind.ForeignKey, Match(ConflictTable(), message), Match(ConflictConstraint(), message), Match(ConflictColumn(), message)),
        515 => new(ConstraintKind.NotNull, Match(NullTable(), message), null, Match(NullColumn(), message)),
        _ => null,
    };

    private static string? Match(Regex pattern, string message) =>
        pattern.Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"in object '(?:[^'.]+\.)?(?<name>[^']+)'")]
    private static partial Regex DuplicateKeyTable();

    [GeneratedRegex(@"with unique index '(?<name>[^']+)'")]
    private static partial Regex UniqueIndexName();

    [GeneratedRegex(@"KEY constraint '(?<name>[^']+)'")]
    private static partial Regex ConstraintName();

    [GeneratedRegex(@"conflicted with the [A-Z ]+ constraint ""(?<name>[^""]+)""")]
    private static partial Regex ConflictConstraint();

    [GeneratedRegex(@"table ""(?:[^"".]+\.)?(?<name>[^""]+)""")]
    private static partial Regex ConflictTable();

    [GeneratedRegex(@"column '(?<name>[^']+)'")]
    private static partial Regex ConflictColumn();

    [GeneratedRegex(@"into column '(?<name>[^']+)'")]
    private static partial Regex NullColumn();

    [GeneratedRegex(@"table '(?:[^']*\.)?(?<name>[^'.]+)'")]
    private static partial Regex NullTable();
}
#elif (UsePostgreSql)
/// <summary>
/// Reads PostgreSQL's SQLSTATE codes: 23505 unique, 23503 foreign key, 23502 NOT NULL, 23514 check.
/// PostgreSQL reports the table, constraint and column as separate fields.
/// </summary>
public static class DatabaseErrorClassifier
{
    /// <summary>Classifies a provider exception, or returns <see langword="null"/> when it is not a constraint violation.</summary>
    public static ConstraintViolation? Classify(Exception exception) =>
        exception is PostgresException postgres ? Classify(postgres.SqlState, postgres.TableName, postgres.ConstraintName, postgres.ColumnName) : null;

    /// <summary>Classifies a PostgreSQL error by its SQLSTATE and the names it reports.</summary>
    public static ConstraintViolation? Classify(string sqlState, string? table, string? constraint, string? column) => sqlState switch
    {
        PostgresErrorCodes.UniqueViolation => new(ConstraintKind.Unique, table, constraint, column),
        PostgresErrorCodes.ForeignKeyViolation => new(ConstraintKind.ForeignKey, table, constraint, column),
        PostgresErrorCodes.NotNullViolation => new(ConstraintKind.NotNull, table, constraint, column),
        PostgresErrorCodes.CheckViolation => new(ConstraintKind.Check, table, constraint, column),
        _ => null,
    };
}
#else
/// <summary>
/// Reads SQLite's extended result codes: 2067 unique, 1555 primary key, 787 foreign key (1811 when an
/// ON DELETE RESTRICT action refuses), 1299 NOT NULL, 275 check. SQLite names the table and column
/// (or the check constraint) only in the message text, and names no foreign key at all.
/// </summary>
public static class DatabaseErrorClassifier
{
    private const int SqliteConstraintCheck = 275;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintNotNull = 1299;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintTrigger = 1811;

    /// <summary>Classifies a provider exception, or returns <see langword="null"/> when it is not a constraint violation.</summary>
    public static ConstraintViolation? Classify(Exception exception) =>
        exception is SqliteException sqlite ? Classify(sqlite.SqliteExtendedErrorCode, sqlite.Message) : null;

    /// <summary>Classifies a SQLite error by its extended result code and message.</summary>
    public static ConstraintViolation? Classify(int extendedErrorCode, string message) => extendedErrorCode switch
    {
        SqliteConstraintUnique or SqliteConstraintPrimaryKey => FromColumnList(ConstraintKind.Unique, message),
        SqliteConstraintNotNull => FromColumnList(ConstraintKind.NotNull, message),
        SqliteConstraintForeignKey => new(ConstraintKind.ForeignKey, null, null, null),
        SqliteConstraintTrigger when message.Contains("FOREIGN KEY", StringComparison.Ordinal) => new(ConstraintKind.ForeignKey, null, null, null),
        SqliteConstraintCheck => new(ConstraintKind.Check, null, Detail(message), null),
        _ => null,
    };

    // "UNIQUE constraint failed: Suppliers.Code" (or "Suppliers.A, Suppliers.B" for a composite key).
    private static ConstraintViolation FromColumnList(ConstraintKind kind, string message)
    {
        var columns = Detail(message)?.Split(", ");
        var first = columns?[0].Split('.', 2);
        return first is [var table, var column]
            ? new(kind, table, null, string.Join(", ", columns!.Select(c => c.Split('.', 2)[^1])))
            : new(kind, null, null, null);
    }

    // The text after "constraint failed: ", without the closing "'." that Microsoft.Data.Sqlite adds.
    private static string? Detail(string message)
    {
        const string marker = "constraint failed: ";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? null : message[(start + marker.Length)..].TrimEnd('.', '\'', ' ');
    }
}
#endif
