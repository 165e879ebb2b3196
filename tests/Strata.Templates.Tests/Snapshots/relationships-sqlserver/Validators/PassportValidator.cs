using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>PassportConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class PassportValidator : AbstractValidator<Passport>
{
    public PassportValidator()
    {
        RuleFor(passport => passport.Number).NotEmpty().MaximumLength(20);
        RuleFor(passport => passport.EmployeeId).NotEmpty().When(passport => passport.Employee is null);
    }
}
