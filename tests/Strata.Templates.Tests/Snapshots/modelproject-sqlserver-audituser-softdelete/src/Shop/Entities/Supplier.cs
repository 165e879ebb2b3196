using Shop.Common;

namespace Shop.Entities;

/// <summary>A company we buy products from. Sample entity: delete it with <c>--no-sample</c>.</summary>
public class Supplier : AuditableEntity
{
    public required string Name { get; set; }

    /// <summary>The supplier's own short code, unique across suppliers (a natural key).</summary>
    public required string Code { get; set; }

    public required Address Address { get; set; }

    public ICollection<Product> Products { get; } = [];
}
