namespace Shop.Common;

/// <summary>
/// The root of every entity: a database-generated key and an optimistic-concurrency token.
/// Derive from <see cref="AuditableEntity"/> unless a table must not carry timestamps.
/// </summary>
public abstract class BaseEntity
{
    public int Id { get; private set; }

    /// <summary>SQL Server <c>rowversion</c>: changes on every write, so a stale update is refused.</summary>
    public byte[] Version { get; private set; } = [];
}
