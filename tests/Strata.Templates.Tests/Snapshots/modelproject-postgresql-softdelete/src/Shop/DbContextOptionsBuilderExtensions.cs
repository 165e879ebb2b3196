using Shop.Common;
using Shop.Common.Auditing;
using Shop.Common.SoftDelete;
using Shop.Common.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Shop;

/// <summary>
/// The one place that chooses the database provider and adds the model's interceptors. Dependency
/// injection, the design-time factory and the tests all go through here, so they behave alike.
/// </summary>
public static class DbContextOptionsBuilderExtensions
{
    // Validators are stateless: find them once per process, not once per DbContext.
    private static readonly EntityValidator Validator = new();

    /// <summary>
    /// Configures the provider and the soft-delete, validation and auditing interceptors.
    /// <c>providerOptions</c> sets what is specific to the provider: in production at least
    /// <c>provider => provider.EnableRetryOnFailure()</c>, and e.g. <c>CommandTimeout(60)</c> or
    /// <c>MigrationsAssembly("Shop.Migrations")</c>.
    /// </summary>
    public static DbContextOptionsBuilder<ShopDbContext> UseShopModel(
        this DbContextOptionsBuilder<ShopDbContext> options,
        string connectionString,
        TimeProvider timeProvider,
        Action<NpgsqlDbContextOptionsBuilder>? providerOptions = null) =>
        options
            .UseNpgsql(connectionString, providerOptions)
            .AddInterceptors(
                // Order matters: turn deletes into updates, validate, then stamp audit columns, then save.
                // The first detects changes; the next two run right after it and skip that scan of every
                // tracked entity (they would find nothing new).
                new SoftDeleteInterceptor(timeProvider),
                new ValidationInterceptor(Validator, detectChanges: false),
                new AuditingInterceptor(timeProvider, detectChanges: false));
}
