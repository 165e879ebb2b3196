using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>EmployeeConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class EmployeeValidator : AbstractValidator<Employee>
{
    public EmployeeValidator()
    {
        RuleFor(employee => employee.Name).NotEmpty().MaximumLength(100);
    }
}
