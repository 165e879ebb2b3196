using Shop.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Configurations;

public sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.Property(supplier => supplier.Name).HasMaxLength(200);
        builder.Property(supplier => supplier.Code).HasMaxLength(20);
        builder.HasIndex(supplier => supplier.Code).IsUnique();

        builder.ComplexProperty(supplier => supplier.Address, address =>
        {
            address.Property(a => a.Street).HasMaxLength(200);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.PostalCode).HasMaxLength(20);
            address.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        });
    }
}
