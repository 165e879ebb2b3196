using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.Property(employee => employee.Name).HasMaxLength(100);

        // An employee's manager is another employee: the database refuses to delete one that is still the manager of others
        // (reassign them first); EF Core clears ManagerId on those it has loaded.
        builder.HasOne(employee => employee.Manager)
            .WithMany(manager => manager.Reports)
            .HasForeignKey(employee => employee.ManagerId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
