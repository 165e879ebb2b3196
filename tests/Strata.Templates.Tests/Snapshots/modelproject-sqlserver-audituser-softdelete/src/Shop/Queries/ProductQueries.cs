using Shop.Entities;

namespace Shop.Queries;

/// <summary>Scopes for <see cref="Product"/>: one per indexed column, each answered through that column's index.</summary>
public static class ProductQueries
{
    /// <summary>The product with this <see cref="Product.Sku"/> (unique: at most one).</summary>
    public static IQueryable<Product> WithSku(this IQueryable<Product> products, string sku) =>
        products.Where(product => product.Sku == sku);

    /// <summary>The products of one supplier (<see cref="Product.SupplierId"/>).</summary>
    public static IQueryable<Product> ForSupplier(this IQueryable<Product> products, int supplierId) =>
        products.Where(product => product.SupplierId == supplierId);
}
