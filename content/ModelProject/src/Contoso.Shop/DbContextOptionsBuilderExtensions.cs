using Contoso.Shop.Common;
using Contoso.Shop.Common.Auditing;
#if (UseSqlite)
using Contoso.Shop.Common.Concurrency;
#endif
#if (SoftDelete)
using Contoso.Shop.Common.SoftDelete;
#endif
using Contoso.Shop.Common.Validation;
using Microsoft.EntityFrameworkCore;
#if (UsePostgreSql)
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
#else
using Microsoft.EntityFrameworkCore.Infrastructure;
#endif

namespace Contoso.Shop;

/// <summary>
/// The one place that chooses the database provider and adds the model's interceptors. Dependency
/// injection, the design-time factory and the tests all go through here, so they behave alike.
/// </summary>
public static class DbContextOptionsBuilderExtensions
{
    // Validators are stateless: find them once per process, not once per DbContext.
    private static readonly EntityValidator Validator = new();
#if (UseSqlite)

    // A query interceptor belongs to EF Core's internal service provider: one instance for every context,
    // or EF Core builds a new service provider per context.
    private static readonly ExecuteUpdateVersionInterceptor ExecuteUpdateVersion = new();
#endif

    /// <summary>
#if (SoftDelete)
    /// Configures the provider and the soft-delete, validation and auditing interceptors.
#else
    /// Configures the provider and the validation and auditing interceptors.
#endif
#if (UseSqlite)
    /// <c>providerOptions</c> sets what is specific to the provider, e.g.
    /// <c>provider => provider.CommandTimeout(60)</c> or <c>provider => provider.MigrationsAssembly("Contoso.Shop.Migrations")</c>.
#else
    /// <c>providerOptions</c> sets what is specific to the provider: in production at least
    /// <c>provider => provider.EnableRetryOnFailure()</c>, and e.g. <c>CommandTimeout(60)</c> or
    /// <c>MigrationsAssembly("Contoso.Shop.Migrations")</c>.
#endif
    /// </summary>
    public static DbContextOptionsBuilder<ContosoShopDbContext> UseContosoShopModel(
        this DbContextOptionsBuilder<ContosoShopDbContext> options,
        string connectionString,
        TimeProvider timeProvider,
#if (AuditUser)
        ICurrentUser currentUser,
#endif
#if (UseSqlite)
        Action<SqliteDbContextOptionsBuilder>? providerOptions = null) =>
#elif (UseSqlServer)
        Action<SqlServerDbContextOptionsBuilder>? providerOptions = null) =>
#else
        Action<NpgsqlDbContextOptionsBuilder>? providerOptions = null) =>
#endif
        options
#if (UseSqlite)
            .UseSqlite(connectionString, providerOptions)
            // SQLite has no rowversion: ExecuteUpdate must increment Version too (see the interceptor).
            .AddInterceptors(ExecuteUpdateVersion)
#elif (UseSqlServer)
            .UseSqlServer(connectionString, providerOptions)
#else
            .UseNpgsql(connectionString, providerOptions)
#endif
            .AddInterceptors(
#if (SoftDelete)
                // Order matters: turn deletes into updates, validate, then stamp audit columns, then save.
                // The first detects changes; the next two run right after it and skip that scan of every
                // tracked entity (they would find nothing new).
                new SoftDeleteInterceptor(timeProvider),
                new ValidationInterceptor(Validator, detectChanges: false),
#else
                // Order matters: validate the caller's data first, then stamp audit columns, then save.
                // Validation detects changes; auditing runs right after it and skips that scan of every
                // tracked entity (it would find nothing new).
                new ValidationInterceptor(Validator),
#endif
#if (AuditUser)
                new AuditingInterceptor(timeProvider, currentUser, detectChanges: false));
#else
                new AuditingInterceptor(timeProvider, detectChanges: false));
#endif
}
