namespace Shop.Tests.Infrastructure;

/// <summary>A fact that needs the test database; it is skipped, with the reason, when none is configured.</summary>
public sealed class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute() => Skip = TestConnection.SkipReason;
}
