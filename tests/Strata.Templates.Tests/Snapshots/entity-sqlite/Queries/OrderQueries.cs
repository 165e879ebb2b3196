using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Order"/>: one per indexed column, each answered through that column's index.</summary>
public static class OrderQueries
{
    /// <summary>The orders of one customer (<see cref="Order.CustomerId"/>).</summary>
    public static IQueryable<Order> ForCustomer(this IQueryable<Order> orders, int customerId) =>
        orders.Where(order => order.CustomerId == customerId);
}
