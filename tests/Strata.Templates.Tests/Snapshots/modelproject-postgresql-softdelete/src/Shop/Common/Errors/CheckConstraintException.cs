using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Errors;

/// <summary>A CHECK constraint refused the write: a value is outside the allowed range.</summary>
public sealed class CheckConstraintException(ConstraintViolation violation, Exception innerException, IReadOnlyList<EntityEntry> entries)
    : ConstraintViolationException(violation, innerException, entries);
