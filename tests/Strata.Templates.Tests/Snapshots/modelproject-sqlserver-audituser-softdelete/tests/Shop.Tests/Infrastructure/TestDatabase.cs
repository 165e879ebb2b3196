using Shop.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Time.Testing;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class, created by applying the project's migrations (so the
/// migrations are tested too) and deleted afterwards. Use as an xunit class fixture.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly string _connectionString = TestConnection.CreateUnique();

    /// <summary>The clock the auditing interceptor reads; tests move it with <c>Advance</c>.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    /// <summary>
    /// A new context over this database, wired exactly as the application wires it, plus any
    /// <paramref name="interceptors"/> a test needs to observe it (e.g. a <see cref="CommandRecorder"/>).
    /// </summary>
    public ShopDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>()
            .UseShopModel(_connectionString, Clock, AnonymousUser.Instance)
            .AddInterceptors(interceptors)
            .Options;

        return new ShopDbContext(options);
    }

    /// <summary>
    /// Like <see cref="CreateContext"/>, but with EF Core's internal services, and so the model, of its own
    /// instead of those every other context shares.
    /// </summary>
    public ShopDbContext CreateContextWithAModelOfItsOwn()
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>()
            .UseShopModel(_connectionString, Clock, AnonymousUser.Instance)
            .EnableServiceProviderCaching(false)
            .Options;

        return new ShopDbContext(options);
    }

    /// <summary>Saves one valid <paramref name="entityType"/> (with new parents for its required relationships) and returns it.</summary>
    public async Task<BaseEntity> InsertAsync(IEntityType entityType)
    {
        await using var context = CreateContext();
        var entity = (BaseEntity)new TestData(context).Add(entityType);
        await context.SaveChangesAsync();
        return entity;
    }

    /// <summary>Counts the rows of the entity's table, bypassing the model.</summary>
    public async Task<int> CountRowsAsync(IEntityType entityType)
    {
        await using var context = CreateContext();
        return await context.CountRowsAsync(entityType);
    }
}
