using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Common;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(product => product.Sku).HasMaxLength(32);
        builder.HasIndex(product => product.Sku).IsUnique();
        builder.Property(product => product.Name).HasMaxLength(200);
        builder.Property(product => product.Description).HasMaxLength(-1); // No length limit.
        builder.Property(product => product.Price).HasPrecision(10, 2).IsNonNegative();
        builder.Property(product => product.Stock).IsNonNegative();
        builder.Property(product => product.Rating).IsAtLeast(1).IsAtMost(5);
        builder.Property(product => product.Website).HasMaxLength(2048);
        builder.HasIndex(product => product.ExternalId).IsUnique();
        builder.Property(product => product.Thumbnail).HasMaxLength(64);
        builder.Property(product => product.ContactEmail).HasMaxLength(254);
        builder.HasIndex(product => product.Code);
        builder.Property(product => product.Channel).HasMaxLength(20);

        // A supplier is referenced, not owned: it cannot be deleted while it still has products.
        builder.HasOne(product => product.Supplier)
            .WithMany(supplier => supplier.Products)
            .HasForeignKey(product => product.SupplierId)
            .OnDelete(DeleteBehavior.Restrict);

        // Deleting a customer keeps its products and clears their BuyerId.
        builder.HasOne(product => product.Buyer)
            .WithMany(customer => customer.Products)
            .HasForeignKey(product => product.BuyerId)
            .OnDelete(DeleteBehavior.SetNull);

        builder.Property(product => product.Volume).HasPrecision(8, 3);
        builder.Property(product => product.Barcode).HasMaxLength(13);
        builder.HasIndex(product => product.Barcode).IsUnique();
        builder.Property(product => product.Queue).HasMaxLength(20);
    }
}
