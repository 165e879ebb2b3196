using Shop.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shop;

/// <summary>
/// Lets <c>dotnet ef</c> create the DbContext without a host application. The connection string
/// comes from <c>--connection</c> or the <c>ConnectionStrings__Shop</c> environment variable;
/// the fallback below is a local development database, never a secret.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    private const string DevelopmentConnectionString = "Server=localhost;Database=Shop;Integrated Security=true;TrustServerCertificate=true";

    public ShopDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{ShopDbContext.ConnectionStringName}")
            ?? DevelopmentConnectionString;

        var options = new DbContextOptionsBuilder<ShopDbContext>()
            .UseShopModel(connectionString, TimeProvider.System, AnonymousUser.Instance)
            .Options;

        return new ShopDbContext(options);
    }
}
