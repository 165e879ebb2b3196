using Contoso.Shop.Common;

namespace Contoso.Shop.Entities;

/// <summary>Something we sell, bought from one <see cref="Entities.Supplier"/>. Sample entity.</summary>
public class Product : AuditableEntity
{
    /// <summary>Stock keeping unit, unique across products (a natural key).</summary>
    public required string Sku { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public decimal Price { get; set; }

    public int QuantityInStock { get; set; }

    public ProductStatus Status { get; set; }

#if (idType == "guid")
    public Guid SupplierId { get; set; }
#elif (idType == "long")
    public long SupplierId { get; set; }
#else
    public int SupplierId { get; set; }
#endif

    public Supplier Supplier { get; set; } = null!;
}
