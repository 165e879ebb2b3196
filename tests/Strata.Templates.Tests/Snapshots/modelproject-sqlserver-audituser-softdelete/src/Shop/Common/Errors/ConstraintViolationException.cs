using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Errors;

/// <summary>
/// The database refused a write because of a constraint. It derives from <see cref="DbUpdateException"/>,
/// so existing <c>catch (DbUpdateException)</c> blocks keep working; catch one of the derived types
/// (<see cref="UniqueConstraintException"/>, <see cref="ForeignKeyConstraintException"/>,
/// <see cref="NotNullConstraintException"/>, <see cref="CheckConstraintException"/>) to handle one case.
/// </summary>
public abstract class ConstraintViolationException : DbUpdateException
{
    protected ConstraintViolationException(ConstraintViolation violation, Exception innerException, IReadOnlyList<EntityEntry> entries)
        : base(BuildMessage(violation), innerException, entries)
    {
        Table = violation.Table;
        Constraint = violation.Constraint;
        Column = violation.Column;
    }

    /// <summary>The table whose constraint refused the write, when the provider names it.</summary>
    public string? Table { get; }

    /// <summary>The constraint (or unique index) name, when the provider names it.</summary>
    public string? Constraint { get; }

    /// <summary>The column, when the provider names it.</summary>
    public string? Column { get; }

    /// <summary>Creates the exception type that matches <paramref name="violation"/>'s kind.</summary>
    public static ConstraintViolationException Create(ConstraintViolation violation, Exception innerException, IReadOnlyList<EntityEntry> entries) =>
        violation.Kind switch
        {
            ConstraintKind.Unique => new UniqueConstraintException(violation, innerException, entries),
            ConstraintKind.ForeignKey => new ForeignKeyConstraintException(violation, innerException, entries),
            ConstraintKind.NotNull => new NotNullConstraintException(violation, innerException, entries),
            ConstraintKind.Check => new CheckConstraintException(violation, innerException, entries),
            _ => throw new ArgumentOutOfRangeException(nameof(violation), violation.Kind, "Unknown constraint kind."),
        };

    private static string BuildMessage(ConstraintViolation violation)
    {
        var what = violation.Kind switch
        {
            ConstraintKind.Unique => "a unique constraint (a row with the same value already exists)",
            ConstraintKind.ForeignKey => "a foreign key (the referenced row does not exist, or other rows still reference this one)",
            ConstraintKind.NotNull => "a NOT NULL constraint (a required value is missing)",
            _ => "a CHECK constraint (a value is outside the allowed range)",
        };

        var where = string.Join(", ", new[]
        {
            violation.Table is null ? null : $"table {violation.Table}",
            violation.Column is null ? null : $"column {violation.Column}",
            violation.Constraint is null ? null : $"constraint {violation.Constraint}",
        }.OfType<string>());

        return $"The database refused the change: it violates {what}{(where.Length > 0 ? $" ({where})" : "")}. Nothing was saved.";
    }
}
