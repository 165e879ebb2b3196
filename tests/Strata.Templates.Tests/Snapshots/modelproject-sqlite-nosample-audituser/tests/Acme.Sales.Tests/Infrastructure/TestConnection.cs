namespace Acme.Sales.Tests.Infrastructure;

/// <summary>Where the database tests run.</summary>
public static class TestConnection
{
    /// <summary>A new SQLite database file in the temp folder: SQLite is embedded, so nothing needs to run.</summary>
    public static string CreateUnique() =>
        $"Data Source={Path.Combine(Path.GetTempPath(), $"AcmeSales-tests-{Guid.NewGuid():N}.db")};Pooling=False";

    /// <summary>Always null: SQLite tests never need a server.</summary>
    public static string? SkipReason => null;
}
