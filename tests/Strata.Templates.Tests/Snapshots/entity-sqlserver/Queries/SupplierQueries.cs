using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Supplier"/>: one per indexed column, each answered through that column's index.</summary>
public static class SupplierQueries
{
    /// <summary>The supplier with this <see cref="Supplier.Name"/> (unique: at most one).</summary>
    public static IQueryable<Supplier> WithName(this IQueryable<Supplier> suppliers, string name) =>
        suppliers.Where(supplier => supplier.Name == name);
}
