using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;

namespace Shop.Common.Errors;

/// <summary>
/// Reads SQL Server's error numbers: 2601/2627 unique, 547 foreign key or check, 515 NOT NULL.
/// SQL Server names the constraint, table and column only in the message, worded in the server's (or
/// the login's) language. The words are never read: the names are the quoted arguments of the message,
/// which every translation keeps, and a 547 is a CHECK violation when the constraint is named
/// <c>CK_…</c> (every CHECK of this model is; name your own CHECK constraints the same way), else a
/// foreign key violation.
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
