using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shop.Common.Errors;

/// <summary>A foreign key refused the write: the referenced row is missing, or the row is still referenced.</summary>
public sealed class ForeignKeyConstraintException(ConstraintViolation violation, Exception innerException, IReadOnlyList<EntityEntry> entries)
    : ConstraintViolationException(violation, innerException, entries);
