namespace Contoso.Shop.Tests.Infrastructure;

/// <summary>Where the database tests run.</summary>
public static class TestConnection
{
#if (UseSqlite)
    /// <summary>A new SQLite database file in the temp folder: SQLite is embedded, so nothing needs to run.</summary>
    public static string CreateUnique() =>
        $"Data Source={Path.Combine(Path.GetTempPath(), $"ContosoShop-tests-{Guid.NewGuid():N}.db")};Pooling=False";

    /// <summary>Always null: SQLite tests never need a server.</summary>
    public static string? SkipReason => null;
#else
    /// <summary>The environment variable naming the server the database tests use.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__ContosoShopTests";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>The server from <see cref="EnvironmentVariable"/> with a new, uniquely named database.</summary>
    public static string CreateUnique() =>
        $"{ServerConnectionString ?? throw new InvalidOperationException(SkipReason)};Database=contoso_shop_tests_{Guid.NewGuid():N}";

    /// <summary>Why the database tests are skipped, or null when a server is configured.</summary>
    public static string? SkipReason => ServerConnectionString is null
        ? $"Set {EnvironmentVariable} to a server connection string to run the database tests."
        : null;
#endif
}
