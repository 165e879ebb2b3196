using Acme.Sales.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Acme.Sales;

/// <summary>
/// Lets <c>dotnet ef</c> create the DbContext without a host application. The connection string
/// comes from <c>--connection</c> or the <c>ConnectionStrings__AcmeSales</c> environment variable;
/// the fallback below is a local development database, never a secret.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AcmeSalesDbContext>
{
    private const string DevelopmentConnectionString = "Data Source=AcmeSales.db";

    public AcmeSalesDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{AcmeSalesDbContext.ConnectionStringName}")
            ?? DevelopmentConnectionString;

        var options = new DbContextOptionsBuilder<AcmeSalesDbContext>()
            .UseAcmeSalesModel(connectionString, TimeProvider.System, AnonymousUser.Instance)
            .Options;

        return new AcmeSalesDbContext(options);
    }
}
