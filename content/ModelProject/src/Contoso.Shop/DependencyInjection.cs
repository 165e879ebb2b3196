using Contoso.Shop.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Contoso.Shop;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="ContosoShopDbContext"/> with the connection string
    /// <c>ConnectionStrings:ContosoShop</c> (or the <c>ConnectionStrings__ContosoShop</c> environment variable).
#if (AuditUser)
    /// Register your own <see cref="TimeProvider"/> or <see cref="ICurrentUser"/> before calling this to replace the defaults.
#else
    /// Register your own <see cref="TimeProvider"/> before calling this to replace the system clock.
#endif
    /// </summary>
    public static IServiceCollection AddContosoShopModel(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ContosoShopDbContext.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"The connection string '{ContosoShopDbContext.ConnectionStringName}' is missing. Set ConnectionStrings:{ContosoShopDbContext.ConnectionStringName} "
                + $"in configuration or the ConnectionStrings__{ContosoShopDbContext.ConnectionStringName} environment variable.");

        services.TryAddSingleton(TimeProvider.System);
#if (AuditUser)
        services.TryAddSingleton<ICurrentUser>(AnonymousUser.Instance);
#endif
        services.AddDbContext<ContosoShopDbContext>((provider, options) =>
            ((DbContextOptionsBuilder<ContosoShopDbContext>)options).UseContosoShopModel(
                connectionString,
#if (AuditUser)
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ICurrentUser>()));
#else
                provider.GetRequiredService<TimeProvider>()));
#endif

        return services;
    }
}
