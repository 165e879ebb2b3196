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

    /// <summary>The product with this <see cref="Product.ExternalId"/> (unique: at most one).</summary>
    public static IQueryable<Product> WithExternalId(this IQueryable<Product> products, Guid externalId) =>
        products.Where(product => product.ExternalId == externalId);

    /// <summary>The products whose <see cref="Product.Code"/> is <paramref name="code"/>.</summary>
    public static IQueryable<Product> WhereCode(this IQueryable<Product> products, string code) =>
        products.Where(product => product.Code == code);

    /// <summary>The products of one buyer (<see cref="Product.BuyerId"/>).</summary>
    public static IQueryable<Product> ForBuyer(this IQueryable<Product> products, int buyerId) =>
        products.Where(product => product.BuyerId == buyerId);

    /// <summary>The product with this <see cref="Product.Barcode"/> (unique: at most one).</summary>
    public static IQueryable<Product> WithBarcode(this IQueryable<Product> products, string barcode) =>
        products.Where(product => product.Barcode == barcode);
}
