using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(product => product.Name).HasMaxLength(100);

        // A product links to other products through RelatedProduct rows, deleted with either end.
        builder.HasMany(product => product.Related)
            .WithMany()
            .UsingEntity<RelatedProduct>(
                right => right.HasOne(link => link.Related).WithMany().HasForeignKey(link => link.RelatedId).OnDelete(DeleteBehavior.Cascade),
                left => left.HasOne(link => link.Product).WithMany().HasForeignKey(link => link.ProductId).OnDelete(DeleteBehavior.Cascade));
    }
}
