namespace Shop.Tests.Infrastructure;

/// <summary>
/// A fact that needs the test database; it is skipped, with the reason, when none is configured. Like
/// <see cref="SkippableFactAttribute"/>, it reports a test that calls <c>Skip.If</c> as skipped, not passed.
/// </summary>
public sealed class DatabaseFactAttribute : SkippableFactAttribute
{
    public DatabaseFactAttribute() => Skip = TestConnection.SkipReason;
}
