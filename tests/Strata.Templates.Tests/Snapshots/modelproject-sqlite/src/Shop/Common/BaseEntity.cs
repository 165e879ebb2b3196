namespace Shop.Common;

/// <summary>
/// The root of every entity: a database-generated key and an optimistic-concurrency token.
/// Derive from <see cref="AuditableEntity"/> unless a table must not carry timestamps.
/// </summary>
public abstract class BaseEntity
{
    public int Id { get; private set; }

    /// <summary>Incremented by <see cref="Auditing.AuditingInterceptor"/> on every update, so a stale update is refused.</summary>
    public long Version { get; internal set; }
}
