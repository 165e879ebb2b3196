namespace Shop.Common.Validation;

/// <summary>
/// Thrown before anything is written when pending changes break validation rules. It carries every
/// failure, not just the first; the change tracker keeps the changes so they can be fixed and saved again.
/// </summary>
public sealed class EntityValidationException : Exception
{
    public EntityValidationException(IReadOnlyList<EntityValidationFailure> failures)
        : base(BuildMessage(failures))
    {
        Failures = failures;
    }

    public IReadOnlyList<EntityValidationFailure> Failures { get; }

    private static string BuildMessage(IReadOnlyList<EntityValidationFailure> failures) =>
        $"{failures.Count} validation failure(s); nothing was saved:{Environment.NewLine}"
        + string.Join(Environment.NewLine, failures.Select(failure => $"  - {failure}"));
}
