using Shop.Common;

namespace Shop.Entities;

/// <summary>Links a product to a related product: one row per link, deleted with either end.</summary>
public class RelatedProduct : IHasCreatedAt
{
    public int ProductId { get; set; }

    public Product Product { get; set; } = null!;

    public int RelatedId { get; set; }

    public Product Related { get; set; } = null!;

    /// <summary>When the link was made (UTC), set by the auditing interceptor when EF Core inserts the row.</summary>
    public DateTime CreatedAt { get; private set; }
}
