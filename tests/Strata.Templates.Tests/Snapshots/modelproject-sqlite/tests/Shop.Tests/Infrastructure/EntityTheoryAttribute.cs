namespace Shop.Tests.Infrastructure;

/// <summary>
/// A theory run once per entity of the model. It is skipped, with the reason, while the model has no
/// entities yet, and (when <see cref="NeedsDatabase"/>) while no test database is configured. A case
/// that does not apply to its entity (no foreign key to break, say) says so with <c>Skip.If</c> and is
/// reported as skipped with that reason, not as passed.
/// </summary>
public sealed class EntityTheoryAttribute : SkippableTheoryAttribute
{
    /// <summary>Whether the theory talks to the test database.</summary>
    public bool NeedsDatabase { get; set; } = true;

    public override string? Skip
    {
        get => base.Skip
            ?? (ModelCatalog.Entities.Any() ? null : "The model has no entities yet: add one with `dotnet new entity -n <Name>`.")
            ?? (NeedsDatabase ? TestConnection.SkipReason : null);
        set => base.Skip = value;
    }
}
