using Microsoft.Data.Sqlite;

namespace Acme.Sales.Common.Errors;

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
