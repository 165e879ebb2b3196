using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Supplier"/>: one per indexed column, each answered through that column's index.</summary>
public static class SupplierQueries
{
    /// <summary>The supplier with this <see cref="Supplier.Code"/> (unique: at most one).</summary>
    public static IQueryable<Supplier> WithCode(this IQueryable<Supplier> suppliers, string code) =>
        suppliers.Where(supplier => supplier.Code == code);
}
