using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class RelatedProductConfiguration : IEntityTypeConfiguration<RelatedProduct>
{
    public void Configure(EntityTypeBuilder<RelatedProduct> builder)
    {
        // One row per pair: the key's first column serves lookups by product, the index those by related product.
        builder.HasKey(relatedProduct => new { relatedProduct.ProductId, relatedProduct.RelatedId });
        builder.HasIndex(relatedProduct => relatedProduct.RelatedId);
    }
}
