using Shop.Common;
using Shop.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(product => product.Sku).HasMaxLength(32);
        builder.HasIndex(product => product.Sku).IsUnique();
        builder.Property(product => product.Name).HasMaxLength(200);
        builder.Property(product => product.Description).HasMaxLength(2000);
        builder.Property(product => product.Price).HasPrecision(18, 2).IsNonNegative();
        builder.Property(product => product.QuantityInStock).IsNonNegative();

        // A supplier is referenced, not owned: it cannot be deleted while it still has products.
        builder.HasOne(product => product.Supplier)
            .WithMany(supplier => supplier.Products)
            .HasForeignKey(product => product.SupplierId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
