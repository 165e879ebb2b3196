using FluentValidation;
using Shop.Common.Validation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>ProductConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class ProductValidator : AbstractValidator<Product>
{
    public ProductValidator()
    {
        RuleFor(product => product.Sku).NotEmpty().MaximumLength(32);
        RuleFor(product => product.Name).NotEmpty().MaximumLength(200);
        RuleFor(product => product.Price).GreaterThanOrEqualTo(0).PrecisionScale(10, 2, ignoreTrailingZeros: true);
        RuleFor(product => product.Stock).GreaterThanOrEqualTo(0);
        RuleFor(product => product.Rating).InclusiveBetween(1, 5);
        RuleFor(product => product.Status).IsInEnum();
        RuleFor(product => product.Website).MaximumLength(2048).IsAbsoluteHttpUrl();
        RuleFor(product => product.SupplierId).NotEmpty().When(product => product.Supplier is null);
        RuleFor(product => product.ExternalId).NotEmpty();
        RuleFor(product => product.Thumbnail).MaximumBytes(64);
        RuleFor(product => product.ContactEmail).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(product => product.Code).NotEmpty().MaximumLength(ShopDbContext.DefaultMaxLength);
        RuleFor(product => product.Channel).NotEmpty().MaximumLength(20);
        RuleFor(product => product.Volume).PrecisionScale(8, 3, ignoreTrailingZeros: true);
        RuleFor(product => product.Barcode).MaximumLength(13);
        RuleFor(product => product.Queue).NotEmpty().MaximumLength(20);
    }
}
