using Shop.Common;

namespace Shop.Entities;

/// <summary>
/// Map each property in <c>OrderConfiguration</c> (max length, precision, indexes) and validate it in
/// <c>OrderValidator</c>; after a change, add a migration with <c>dotnet ef migrations add</c>.
/// </summary>
public class Order : AuditableEntity
{
    /// <summary>Required, at most 200 characters. Replace it if Orders have no natural name.</summary>
    public required string Name { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;
}
