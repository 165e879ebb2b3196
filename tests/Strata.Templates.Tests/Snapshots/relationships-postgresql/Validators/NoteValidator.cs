using FluentValidation;
using Shop.Entities;

namespace Shop.Validators;

/// <summary>Mirrors <c>NoteConfiguration</c>, so bad data is refused before it reaches the database.</summary>
public sealed class NoteValidator : AbstractValidator<Note>
{
    public NoteValidator()
    {
        RuleFor(note => note.EmployeeId).NotEmpty().When(note => note.Employee is null);
        RuleFor(note => note.Text).NotEmpty().MaximumLength(200);
    }
}
