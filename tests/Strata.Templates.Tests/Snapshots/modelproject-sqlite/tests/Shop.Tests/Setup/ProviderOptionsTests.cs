using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Tests.Setup;

/// <summary>
/// Provider settings (retries, command timeout, migrations assembly) reach the context, whether it is
/// configured directly or registered by dependency injection.
/// </summary>
public sealed class ProviderOptionsTests
{
    private const int CommandTimeoutSeconds = 97;

    [Fact]
    public void The_provider_options_callback_configures_the_provider()
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>()
            .UseShopModel(ConnectionString, TimeProvider.System, provider => provider.CommandTimeout(CommandTimeoutSeconds))
            .Options;
        using var context = new ShopDbContext(options);

        Assert.Equal(CommandTimeoutSeconds, context.Database.GetCommandTimeout());
    }

    [Fact]
    public void Dependency_injection_passes_the_provider_options_callback_on()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"ConnectionStrings:{ShopDbContext.ConnectionStringName}", ConnectionString)])
            .Build();
        using var services = new ServiceCollection()
            .AddShopModel(configuration, provider => provider.CommandTimeout(CommandTimeoutSeconds))
            .BuildServiceProvider();
        using var scope = services.CreateScope();

        var context = scope.ServiceProvider.GetRequiredService<ShopDbContext>();

        Assert.Equal(CommandTimeoutSeconds, context.Database.GetCommandTimeout());
    }

    // No connection is opened: these tests read the options only.
    private const string ConnectionString = "Data Source=options-only";
}
