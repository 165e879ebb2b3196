using Shop.Common;

namespace Shop.Entities;

public class Customer : AuditableEntity
{
    public ICollection<Order> Orders { get; } = [];

    public ICollection<Product> Products { get; } = [];
}
