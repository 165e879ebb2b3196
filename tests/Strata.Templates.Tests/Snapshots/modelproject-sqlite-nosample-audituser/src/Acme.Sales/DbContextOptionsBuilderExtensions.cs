using Acme.Sales.Common;
using Acme.Sales.Common.Auditing;
using Acme.Sales.Common.Concurrency;
using Acme.Sales.Common.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Acme.Sales;

/// <summary>
/// The one place that chooses the database provider and adds the model's interceptors. Dependency
/// injection, the design-time factory and the tests all go through here, so they behave alike.
/// </summary>
public static class DbContextOptionsBuilderExtensions
{
    // Validators are stateless: find them once per process, not once per DbContext.
    private static readonly EntityValidator Validator = new();

    // A query interceptor belongs to EF Core's internal service provider: one instance for every context,
    // or EF Core builds a new service provider per context.
    private static readonly ExecuteUpdateVersionInterceptor ExecuteUpdateVersion = new();

    /// <summary>
    /// Configures the provider and the validation and auditing interceptors.
    /// <c>providerOptions</c> sets what is specific to the provider, e.g.
    /// <c>provider => provider.CommandTimeout(60)</c> or <c>provider => provider.MigrationsAssembly("Acme.Sales.Migrations")</c>.
    /// </summary>
    public static DbContextOptionsBuilder<AcmeSalesDbContext> UseAcmeSalesModel(
        this DbContextOptionsBuilder<AcmeSalesDbContext> options,
        string connectionString,
        TimeProvider timeProvider,
        ICurrentUser currentUser,
        Action<SqliteDbContextOptionsBuilder>? providerOptions = null) =>
        options
            .UseSqlite(connectionString, providerOptions)
            // SQLite has no rowversion: ExecuteUpdate must increment Version too (see the interceptor).
            .AddInterceptors(ExecuteUpdateVersion)
            .AddInterceptors(
                // Order matters: validate the caller's data first, then stamp audit columns, then save.
                // Validation detects changes; auditing runs right after it and skips that scan of every
                // tracked entity (it would find nothing new).
                new ValidationInterceptor(Validator),
                new AuditingInterceptor(timeProvider, currentUser, detectChanges: false));
}
