#if (entitiesUsingBeforeFluentValidation)
using Contoso.Shop.Entities.StrataFolder;
using FluentValidation;
#else
using FluentValidation;
using Contoso.Shop.Entities.StrataFolder;
#endif

namespace Contoso.Shop.Validators.StrataFolder;

/// <summary>Mirrors <c>StrataEntityConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class StrataEntityValidator : AbstractValidator<StrataEntity>
{
    public StrataEntityValidator()
    {
        RuleFor(strataEntityVariable => strataEntityVariable.Name).NotEmpty().MaximumLength(200);
#if (hasParent && !optionalParent)
        RuleFor(strataEntityVariable => strataEntityVariable.StrataParentId).NotEmpty().When(strataEntityVariable => strataEntityVariable.StrataParent is null);
#endif
    }
}
