#if (SoftDelete)
using Contoso.Shop.Common.SoftDelete;

#endif
namespace Contoso.Shop.Common;

/// <summary>
/// The default base for entities: <see cref="BaseEntity"/> plus audit columns.
/// The setters are not public: the auditing interceptor owns these values.
/// </summary>
#if (SoftDelete)
public abstract class AuditableEntity : BaseEntity, IAuditable, ISoftDeletable
#else
public abstract class AuditableEntity : BaseEntity, IAuditable
#endif
{
    public DateTime CreatedAt { get; internal set; }

    public DateTime UpdatedAt { get; internal set; }
#if (AuditUser)

    public string? CreatedBy { get; internal set; }

    public string? UpdatedBy { get; internal set; }
#endif
#if (SoftDelete)

    public DateTime? DeletedAt { get; internal set; }
#endif
}
