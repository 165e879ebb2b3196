using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.Property(note => note.Text).HasMaxLength(200);

        // Each note needs its employee, so deleting the employee deletes its notes too.
        builder.HasOne(note => note.Employee)
            .WithMany(employee => employee.Notes)
            .HasForeignKey(note => note.EmployeeId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
