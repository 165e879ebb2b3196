namespace Shop.Common;

/// <summary>
/// A row that records only when it was created (UTC), such as a many-to-many link row, which is never updated.
/// <see cref="Auditing.AuditingInterceptor"/> sets the value on insert from the injected <see cref="TimeProvider"/>,
/// so callers never do, and tests control it with a fake clock.
/// </summary>
public interface IHasCreatedAt
{
    DateTime CreatedAt { get; }
}
