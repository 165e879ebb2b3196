using Contoso.Shop.Common;
using Microsoft.EntityFrameworkCore;
#if (UsePostgreSql)
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
#else
using Microsoft.EntityFrameworkCore.Infrastructure;
#endif
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
    /// <c>providerOptions</c> sets what is specific to the provider (retries, command timeout, migrations assembly, …).
    /// </summary>
    public static IServiceCollection AddContosoShopModel(
        this IServiceCollection services,
        IConfiguration configuration,
#if (UseSqlite)
        Action<SqliteDbContextOptionsBuilder>? providerOptions = null)
#elif (UseSqlServer)
        Action<SqlServerDbContextOptionsBuilder>? providerOptions = null)
#else
        Action<NpgsqlDbContextOptionsBuilder>? providerOptions = null)
#endif
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
                provider.GetRequiredService<TimeProvider>(),
#if (AuditUser)
                provider.GetRequiredService<ICurrentUser>(),
#endif
                providerOptions));

        return services;
    }
}
