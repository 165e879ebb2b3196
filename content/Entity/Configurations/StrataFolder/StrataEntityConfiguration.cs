#if (entitiesUsingBeforeMicrosoft)
using Contoso.Shop.Entities.StrataFolder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
#else
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Contoso.Shop.Entities.StrataFolder;
#endif

namespace Contoso.Shop.Configurations.StrataFolder;

public sealed class StrataEntityConfiguration : IEntityTypeConfiguration<StrataEntity>
{
    public void Configure(EntityTypeBuilder<StrataEntity> builder)
    {
#if (hasPlural)
        builder.ToTable("StrataEntities");
#endif
        builder.Property(strataEntityVariable => strataEntityVariable.Name).HasMaxLength(200);
#if (hasParent)

#if (cascade && optionalParent)
        // Deleting the StrataParent deletes its StrataEntities too.
#elif (cascade)
        // Each StrataEntity needs its StrataParent, so deleting the StrataParent deletes its StrataEntities too.
#elif (restrict)
        // While StrataEntities refer to their StrataParent it cannot be deleted: delete or move them first.
#else
        // Deleting the StrataParent keeps its StrataEntities and clears their StrataParentId.
#endif
        // To navigate from the parent, add `public ICollection<StrataEntity> StrataEntities { get; } = [];`
        // to StrataParent and name it here: .WithMany(strataParentVariable => strataParentVariable.StrataEntities).
        builder.HasOne(strataEntityVariable => strataEntityVariable.StrataParent)
            .WithMany()
            .HasForeignKey(strataEntityVariable => strataEntityVariable.StrataParentId)
#if (cascade)
            .OnDelete(DeleteBehavior.Cascade);
#elif (restrict)
            .OnDelete(DeleteBehavior.Restrict);
#else
            .OnDelete(DeleteBehavior.SetNull);
#endif
#endif
    }
}
