using Shop.Common;

namespace Shop.Entities;

public class Playlist : AuditableEntity
{
    public required string Name { get; set; }

    public ICollection<Product> Products { get; } = [];
}
