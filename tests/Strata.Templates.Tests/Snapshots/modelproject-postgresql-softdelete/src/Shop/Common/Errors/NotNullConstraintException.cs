using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Errors;

/// <summary>A NOT NULL constraint refused the write: a required value is missing.</summary>
public sealed class NotNullConstraintException(ConstraintViolation violation, Exception innerException, IReadOnlyList<EntityEntry> entries)
    : ConstraintViolationException(violation, innerException, entries);
