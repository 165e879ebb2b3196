using Contoso.Shop.Common;

namespace Contoso.Shop.Entities.StrataFolder;

/// <summary>
/// Map each property in <c>StrataEntityConfiguration</c> (max length, precision, indexes) and validate it in
/// <c>StrataEntityValidator</c>; after a change, add a migration with <c>dotnet ef migrations add</c>.
/// </summary>
#if (auditable)
public class StrataEntity : AuditableEntity
#else
public class StrataEntity : BaseEntity
#endif
{
    /// <summary>Required, at most 200 characters. Replace it if StrataEntities have no natural name.</summary>
    public required string Name { get; set; }
#if (hasParent && optionalParent)

    public int? StrataParentId { get; set; }

    public StrataParent? StrataParent { get; set; }
#elif (hasParent)

    public int StrataParentId { get; set; }

    public StrataParent StrataParent { get; set; } = null!;
#endif
}
