using Shop.Common.SoftDelete;

namespace Shop.Common;

/// <summary>
/// The default base for entities: <see cref="BaseEntity"/> plus audit columns.
/// The setters are not public: the auditing interceptor owns these values.
/// </summary>
public abstract class AuditableEntity : BaseEntity, IAuditable, ISoftDeletable
{
    public DateTime CreatedAt { get; internal set; }

    public DateTime UpdatedAt { get; internal set; }

    public string? CreatedBy { get; internal set; }

    public string? UpdatedBy { get; internal set; }

    public DateTime? DeletedAt { get; internal set; }
}
