using Shop.Common;

namespace Shop.Entities;

public class Order : AuditableEntity
{
    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public ICollection<OrderLine> OrderLines { get; } = [];
}
