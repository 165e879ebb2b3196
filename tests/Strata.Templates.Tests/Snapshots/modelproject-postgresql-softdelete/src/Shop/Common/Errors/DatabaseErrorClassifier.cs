using Npgsql;

namespace Shop.Common.Errors;

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
