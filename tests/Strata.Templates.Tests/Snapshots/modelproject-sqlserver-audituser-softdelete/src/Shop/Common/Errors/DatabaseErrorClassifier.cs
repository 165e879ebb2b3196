using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;

namespace Shop.Common.Errors;

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
