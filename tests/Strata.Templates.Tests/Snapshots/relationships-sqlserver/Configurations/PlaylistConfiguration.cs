using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Entities;

namespace Shop.Configurations;

public sealed class PlaylistConfiguration : IEntityTypeConfiguration<Playlist>
{
    public void Configure(EntityTypeBuilder<Playlist> builder)
    {
        builder.Property(playlist => playlist.Name).HasMaxLength(120);

        // A playlist has many products and a product is in many playlists: each link is a PlaylistProduct row, deleted with either end.
        builder.HasMany(playlist => playlist.Products)
            .WithMany(product => product.Playlists)
            .UsingEntity<PlaylistProduct>(
                right => right.HasOne(link => link.Product).WithMany().HasForeignKey(link => link.ProductId).OnDelete(DeleteBehavior.Cascade),
                left => left.HasOne(link => link.Playlist).WithMany().HasForeignKey(link => link.PlaylistId).OnDelete(DeleteBehavior.Cascade));
    }
}
