using Contoso.Shop.Entities.StrataFolder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Contoso.Shop.Configurations.StrataFolder;

public sealed class StrataEntityConfiguration : IEntityTypeConfiguration<StrataEntity>
{
    public void Configure(EntityTypeBuilder<StrataEntity> builder)
    {
    }
}
