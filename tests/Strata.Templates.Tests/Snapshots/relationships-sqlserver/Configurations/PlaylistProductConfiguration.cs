using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class PlaylistProductConfiguration : IEntityTypeConfiguration<PlaylistProduct>
{
    public void Configure(EntityTypeBuilder<PlaylistProduct> builder)
    {
        // One row per pair: the key's first column serves lookups by playlist, the index those by product.
        builder.HasKey(playlistProduct => new { playlistProduct.PlaylistId, playlistProduct.ProductId });
        builder.HasIndex(playlistProduct => playlistProduct.ProductId);
    }
}
