namespace Shop.Common;

/// <summary>
/// The root of every entity: a database-generated key and an optimistic-concurrency token.
/// Derive from <see cref="AuditableEntity"/> unless a table must not carry timestamps.
/// </summary>
public abstract class BaseEntity
{
    public int Id { get; private set; }

    /// <summary>PostgreSQL's system column <c>xmin</c>: changes on every write, so a stale update is refused.</summary>
    public uint Version { get; private set; }
}
