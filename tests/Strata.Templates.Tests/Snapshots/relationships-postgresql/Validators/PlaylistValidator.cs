using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>PlaylistConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class PlaylistValidator : AbstractValidator<Playlist>
{
    public PlaylistValidator()
    {
        RuleFor(playlist => playlist.Name).NotEmpty().MaximumLength(120);
    }
}
