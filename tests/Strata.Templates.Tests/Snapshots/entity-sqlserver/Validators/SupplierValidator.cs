using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>SupplierConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class SupplierValidator : AbstractValidator<Supplier>
{
    public SupplierValidator()
    {
        RuleFor(supplier => supplier.Name).NotEmpty().MaximumLength(100);
    }
}
