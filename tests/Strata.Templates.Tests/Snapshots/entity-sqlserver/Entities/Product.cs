using Shop.Common;

namespace Shop.Entities;

public class Product : AuditableEntity
{
    public required string Sku { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public decimal Price { get; set; }

    public int Stock { get; set; }

    public int Rating { get; set; }

    public ProductStatus Status { get; set; }

    public DateOnly? ReleasedOn { get; set; }

    public string? Website { get; set; }

    public int SupplierId { get; set; }

    public Supplier Supplier { get; set; } = null!;

    public long Views { get; set; }

    public short? Weight { get; set; }

    public double Score { get; set; }

    public bool IsFeatured { get; set; }

    public DateTime? AvailableFrom { get; set; }

    public TimeOnly? OpensAt { get; set; }

    public Guid ExternalId { get; set; }

    public byte[]? Thumbnail { get; set; }

    public required string ContactEmail { get; set; }

    public required string Code { get; set; }

    public int? BuyerId { get; set; }

    public Customer? Buyer { get; set; }

    public string Channel { get; set; } = "Web";

    public decimal? Volume { get; set; }

    public string? Barcode { get; set; }

    public string Queue { get; set; } = "General";
}
