using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(orderLine => orderLine.Name).HasMaxLength(200);

        // Each OrderLine needs its Order, so deleting the Order deletes its OrderLines too.
        // To navigate from the parent, add `public ICollection<OrderLine> OrderLines { get; } = [];`
        // to Order and name it here: .WithMany(order => order.OrderLines).
        builder.HasOne(orderLine => orderLine.Order)
            .WithMany()
            .HasForeignKey(orderLine => orderLine.OrderId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
