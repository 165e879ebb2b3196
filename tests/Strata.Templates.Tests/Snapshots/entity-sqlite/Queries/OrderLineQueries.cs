using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="OrderLine"/>: one per indexed column, each answered through that column's index.</summary>
public static class OrderLineQueries
{
    /// <summary>The order lines of one order (<see cref="OrderLine.OrderId"/>).</summary>
    public static IQueryable<OrderLine> ForOrder(this IQueryable<OrderLine> orderLines, int orderId) =>
        orderLines.Where(orderLine => orderLine.OrderId == orderId);
}
