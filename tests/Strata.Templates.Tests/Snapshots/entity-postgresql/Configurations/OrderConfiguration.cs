using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(order => order.Name).HasMaxLength(200);

        // Each Order needs its Customer, so deleting the Customer deletes its Orders too.
        // To navigate from the parent, add `public ICollection<Order> Orders { get; } = [];`
        // to Customer and name it here: .WithMany(customer => customer.Orders).
        builder.HasOne(order => order.Customer)
            .WithMany()
            .HasForeignKey(order => order.CustomerId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
