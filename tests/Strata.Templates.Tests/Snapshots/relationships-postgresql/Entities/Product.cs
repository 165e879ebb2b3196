using Shop.Common;

namespace Shop.Entities;

public class Product : AuditableEntity
{
    public required string Name { get; set; }

    public ICollection<Playlist> Playlists { get; } = [];

    public ICollection<Product> Related { get; } = [];
}
