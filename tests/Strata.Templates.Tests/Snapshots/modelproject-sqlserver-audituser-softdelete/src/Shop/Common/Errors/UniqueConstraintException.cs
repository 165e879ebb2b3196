using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Errors;

/// <summary>A unique constraint or unique index refused the write: the value is already taken.</summary>
public sealed class UniqueConstraintException(ConstraintViolation violation, Exception innerException, IReadOnlyList<EntityEntry> entries)
    : ConstraintViolationException(violation, innerException, entries);
