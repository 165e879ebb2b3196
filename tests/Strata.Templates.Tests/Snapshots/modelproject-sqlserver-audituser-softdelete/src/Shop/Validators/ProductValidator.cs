using Shop.Entities;
using FluentValidation;

namespace Shop.Validators;

/// <summary>Mirrors <c>ProductConfiguration</c>; the unique <c>Sku</c> is checked by the database.</summary>
public sealed class ProductValidator : AbstractValidator<Product>
{
    public ProductValidator()
    {
        RuleFor(product => product.Sku).NotEmpty().MaximumLength(32);
        RuleFor(product => product.Name).NotEmpty().MaximumLength(200);
        RuleFor(product => product.Description).MaximumLength(2000);
        RuleFor(product => product.Price).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, ignoreTrailingZeros: true);
        RuleFor(product => product.QuantityInStock).GreaterThanOrEqualTo(0);
        RuleFor(product => product.Status).IsInEnum();
        RuleFor(product => product.SupplierId).NotEmpty().When(product => product.Supplier is null);
    }
}
