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
/// SQL Server names the constraint, table and column only in the message, worded in the server's (or
/// the login's) language. The words are never read: the names are the quoted arguments of the message,
/// which every translation keeps, and a 547 is a CHECK violation when the constraint is named
#if (SnakeCaseNaming)
/// <c>ck_…</c> (every CHECK of this model is; name your own CHECK constraints the same way), else a
/// foreign key violation.
#else
/// <c>CK_…</c> (every CHECK of this model is; name your own CHECK constraints the same way), else a
/// foreign key violation.
#endif
/// </summary>
public static partial class DatabaseErrorClassifier
{
    /// <summary>Classifies a provider exception, or returns <see langword="null"/> when it is not a constraint violation.</summary>
    public static ConstraintViolation? Classify(Exception exception) =>
        exception is SqlException sqlException ? Classify(sqlException.Number, sqlException.Message) : null;

    /// <summary>Classifies a SQL Server error by its number and the names quoted in its message.</summary>
    public static ConstraintViolation? Classify(int errorNumber, string message)
    {
        if (errorNumber is not (2601 or 2627 or 547 or 515))
        {
            return null;
        }

        // Table names come schema-qualified (dbo.Products, or Shop.dbo.Products for 515); the constraint,
        // the database and the column do not. A duplicate key value, quoted or not, comes last.
        var names = Names(QuotedName(), message);
        var table = names.FirstOrDefault(name => name.Contains('.')) is { } qualified ? qualified[(qualified.LastIndexOf('.') + 1)..] : null;
        var firstUnqualified = names.FirstOrDefault(name => !name.Contains('.'));

        return errorNumber switch
        {
            // "… constraint 'AK_Suppliers_Code' … object 'dbo.Suppliers' …", "… object 'dbo.Products' … index 'IX_Products_Sku' …"
            2601 or 2627 => new(ConstraintKind.Unique, table, firstUnqualified, null),

            // "… constraint "CK_Products_Price_NonNegative" … database "Shop", table "dbo.Products", column 'Price'."
            547 => new(
                firstUnqualified?.StartsWith("CK_", StringComparison.OrdinalIgnoreCase) == true ? ConstraintKind.Check : ConstraintKind.ForeignKey,
                table,
                firstUnqualified,
                Names(SingleQuotedName(), message).LastOrDefault(name => !name.Contains('.'))),

            // "… column 'Name', table 'Shop.dbo.Suppliers' …"
            _ => new(ConstraintKind.NotNull, table, null, firstUnqualified),
        };
    }

    private static List<string> Names(Regex pattern, string message) =>
        [.. pattern.Matches(message).Select(match => match.Groups["name"].Value)];

    [GeneratedRegex(@"'(?<name>[^']+)'|""(?<name>[^""]+)""")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"'(?<name>[^']+)'")]
    private static partial Regex SingleQuotedName();
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
