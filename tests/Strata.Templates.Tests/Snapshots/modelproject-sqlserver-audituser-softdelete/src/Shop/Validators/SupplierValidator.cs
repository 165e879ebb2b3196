using Shop.Entities;
using FluentValidation;

namespace Shop.Validators;

/// <summary>Mirrors <c>SupplierConfiguration</c>; the unique <c>Code</c> is checked by the database.</summary>
public sealed class SupplierValidator : AbstractValidator<Supplier>
{
    public SupplierValidator()
    {
        RuleFor(supplier => supplier.Name).NotEmpty().MaximumLength(200);
        RuleFor(supplier => supplier.Code).NotEmpty().MaximumLength(20);
        RuleFor(supplier => supplier.Address).NotNull().SetValidator(new AddressValidator());
    }
}
