using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class PassportConfiguration : IEntityTypeConfiguration<Passport>
{
    public void Configure(EntityTypeBuilder<Passport> builder)
    {
        builder.Property(passport => passport.Number).HasMaxLength(20);

        // An employee is referenced, not owned: it cannot be deleted while it still has a passport.
        // One-to-one: the index on EmployeeId is unique, so an employee has at most one passport.
        builder.HasOne(passport => passport.Employee)
            .WithOne(employee => employee.Passport)
            .HasForeignKey<Passport>(passport => passport.EmployeeId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
