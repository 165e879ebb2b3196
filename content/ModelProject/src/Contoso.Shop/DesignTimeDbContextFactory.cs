#if (AuditUser)
using Contoso.Shop.Common;
#endif
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Contoso.Shop;

/// <summary>
/// Lets <c>dotnet ef</c> create the DbContext without a host application. The connection string
/// comes from <c>--connection</c> or the <c>ConnectionStrings__ContosoShop</c> environment variable;
/// the fallback below is a local development database, never a secret.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ContosoShopDbContext>
{
#if (UseSqlite)
    private const string DevelopmentConnectionString = "Data Source=ContosoShop.db";
#elif (UseSqlServer)
    private const string DevelopmentConnectionString = "Server=localhost;Database=ContosoShop;Integrated Security=true;TrustServerCertificate=true";
#else
    private const string DevelopmentConnectionString = "Host=localhost;Database=ContosoShop;Username=postgres";
#endif

    public ContosoShopDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{ContosoShopDbContext.ConnectionStringName}")
            ?? DevelopmentConnectionString;

        var options = new DbContextOptionsBuilder<ContosoShopDbContext>()
#if (AuditUser)
            .UseContosoShopModel(connectionString, TimeProvider.System, AnonymousUser.Instance)
#else
            .UseContosoShopModel(connectionString, TimeProvider.System)
#endif
            .Options;

        return new ContosoShopDbContext(options);
    }
}
