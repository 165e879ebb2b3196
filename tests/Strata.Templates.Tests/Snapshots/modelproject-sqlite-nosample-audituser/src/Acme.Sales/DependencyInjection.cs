using Acme.Sales.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acme.Sales;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="AcmeSalesDbContext"/> with the connection string
    /// <c>ConnectionStrings:AcmeSales</c> (or the <c>ConnectionStrings__AcmeSales</c> environment variable).
    /// Register your own <see cref="TimeProvider"/> or <see cref="ICurrentUser"/> before calling this to replace the defaults.
    /// <c>providerOptions</c> sets what is specific to the provider (retries, command timeout, migrations assembly, …).
    /// </summary>
    public static IServiceCollection AddAcmeSalesModel(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<SqliteDbContextOptionsBuilder>? providerOptions = null)
    {
        var connectionString = configuration.GetConnectionString(AcmeSalesDbContext.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"The connection string '{AcmeSalesDbContext.ConnectionStringName}' is missing. Set ConnectionStrings:{AcmeSalesDbContext.ConnectionStringName} "
                + $"in configuration or the ConnectionStrings__{AcmeSalesDbContext.ConnectionStringName} environment variable.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICurrentUser>(AnonymousUser.Instance);
        services.AddDbContext<AcmeSalesDbContext>((provider, options) =>
            ((DbContextOptionsBuilder<AcmeSalesDbContext>)options).UseAcmeSalesModel(
                connectionString,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ICurrentUser>(),
                providerOptions));

        return services;
    }
}
