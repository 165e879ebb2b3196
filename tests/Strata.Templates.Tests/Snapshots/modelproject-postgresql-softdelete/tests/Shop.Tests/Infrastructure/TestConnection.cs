namespace Shop.Tests.Infrastructure;

/// <summary>Where the database tests run.</summary>
public static class TestConnection
{
    /// <summary>The environment variable naming the server the database tests use.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__ShopTests";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>The server from <see cref="EnvironmentVariable"/> with a new, uniquely named database.</summary>
    public static string CreateUnique() =>
        $"{ServerConnectionString ?? throw new InvalidOperationException(SkipReason)};Database=shop_tests_{Guid.NewGuid():N}";

    /// <summary>Why the database tests are skipped, or null when a server is configured.</summary>
    public static string? SkipReason => ServerConnectionString is null
        ? $"Set {EnvironmentVariable} to a server connection string to run the database tests."
        : null;
}
