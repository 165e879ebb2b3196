using Contoso.Shop.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Configurations;

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

        // A country code has exactly two letters, as AddressValidator says. The column's length only caps it
        // (and a fixed-length column pads a single letter), so the database checks the exact length too.
#if (UseSqlServer && SnakeCaseNaming)
        builder.ToTable(table => table.HasCheckConstraint("ck_suppliers_address_country_code_length", "LEN([address_country_code]) = 2"));
#elif (UseSqlServer)
        builder.ToTable(table => table.HasCheckConstraint("CK_Suppliers_Address_CountryCode_Length", "LEN([Address_CountryCode]) = 2"));
#elif (SnakeCaseNaming)
        builder.ToTable(table => table.HasCheckConstraint("ck_suppliers_address_country_code_length", "length(\"address_country_code\") = 2"));
#else
        builder.ToTable(table => table.HasCheckConstraint("CK_Suppliers_Address_CountryCode_Length", "length(\"Address_CountryCode\") = 2"));
#endif
    }
}
