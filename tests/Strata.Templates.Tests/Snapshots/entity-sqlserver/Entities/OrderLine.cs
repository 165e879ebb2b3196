using Shop.Common;

namespace Shop.Entities;

public class OrderLine : AuditableEntity
{
    public int OrderId { get; set; }

    public Order Order { get; set; } = null!;
}
