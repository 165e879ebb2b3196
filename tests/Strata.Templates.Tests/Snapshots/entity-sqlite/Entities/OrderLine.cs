using Shop.Common;

namespace Shop.Entities;

/// <summary>
/// Map each property in <c>OrderLineConfiguration</c> (max length, precision, indexes) and validate it in
/// <c>OrderLineValidator</c>; after a change, add a migration with <c>dotnet ef migrations add</c>.
/// </summary>
public class OrderLine : AuditableEntity
{
    /// <summary>Required, at most 200 characters. Replace it if OrderLines have no natural name.</summary>
    public required string Name { get; set; }

    public int OrderId { get; set; }

    public Order Order { get; set; } = null!;
}
