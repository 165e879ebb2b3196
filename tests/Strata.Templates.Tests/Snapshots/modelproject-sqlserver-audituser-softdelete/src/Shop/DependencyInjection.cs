using Shop.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="ShopDbContext"/> with the connection string
    /// <c>ConnectionStrings:Shop</c> (or the <c>ConnectionStrings__Shop</c> environment variable).
    /// Register your own <see cref="TimeProvider"/> or <see cref="ICurrentUser"/> before calling this to replace the defaults.
    /// <c>providerOptions</c> sets what is specific to the provider (retries, command timeout, migrations assembly, …).
    /// </summary>
    public static IServiceCollection AddShopModel(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<SqlServerDbContextOptionsBuilder>? providerOptions = null)
    {
        var connectionString = configuration.GetConnectionString(ShopDbContext.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"The connection string '{ShopDbContext.ConnectionStringName}' is missing. Set ConnectionStrings:{ShopDbContext.ConnectionStringName} "
                + $"in configuration or the ConnectionStrings__{ShopDbContext.ConnectionStringName} environment variable.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICurrentUser>(AnonymousUser.Instance);
        services.AddDbContext<ShopDbContext>((provider, options) =>
            ((DbContextOptionsBuilder<ShopDbContext>)options).UseShopModel(
                connectionString,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ICurrentUser>(),
                providerOptions));

        return services;
    }
}
