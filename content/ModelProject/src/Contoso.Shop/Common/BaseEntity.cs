namespace Contoso.Shop.Common;

/// <summary>
#if (idType == "guid")
/// The root of every entity: a time-ordered key made by the application and an optimistic-concurrency token.
#else
/// The root of every entity: a database-generated key and an optimistic-concurrency token.
#endif
/// Derive from <see cref="AuditableEntity"/> unless a table must not carry timestamps.
/// </summary>
public abstract class BaseEntity
{
#if (idType == "guid")
    /// <summary>
    /// Set when the entity is added to a context (before SaveChanges), increasing in insert order so that new rows
    /// land at the end of the primary-key index: see the key's value generator in the DbContext.
    /// </summary>
    public Guid Id { get; private set; }
#elif (idType == "long")
    public long Id { get; private set; }
#else
    public int Id { get; private set; }
#endif

#if (UseSqlServer)
    /// <summary>SQL Server <c>rowversion</c>: changes on every write, so a stale update is refused.</summary>
    public byte[] Version { get; private set; } = [];
#elif (UsePostgreSql)
    /// <summary>PostgreSQL's system column <c>xmin</c>: changes on every write, so a stale update is refused.</summary>
    public uint Version { get; private set; }
#else
    /// <summary>Incremented by <see cref="Auditing.AuditingInterceptor"/> on every update, so a stale update is refused.</summary>
    public long Version { get; internal set; }
#endif
}
