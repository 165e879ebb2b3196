using Shop.Common;

namespace Shop.Entities;

/// <summary>Links a playlist to a product: one row per link, deleted with either end.</summary>
public class PlaylistProduct : IHasCreatedAt
{
    public int PlaylistId { get; set; }

    public Playlist Playlist { get; set; } = null!;

    public int ProductId { get; set; }

    public Product Product { get; set; } = null!;

    /// <summary>When the link was made (UTC), set by the auditing interceptor when EF Core inserts the row.</summary>
    public DateTime CreatedAt { get; private set; }
}
