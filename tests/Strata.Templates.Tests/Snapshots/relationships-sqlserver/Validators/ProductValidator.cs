using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>ProductConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class ProductValidator : AbstractValidator<Product>
{
    public ProductValidator()
    {
        RuleFor(product => product.Name).NotEmpty().MaximumLength(100);
    }
}
