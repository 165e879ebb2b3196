using Acme.Sales.Common;
using Acme.Sales.Common.Auditing;
using Acme.Sales.Common.Errors;
using Acme.Sales.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Acme.Sales;

/// <summary>
/// The one place that chooses the database provider and adds the model's interceptors. Dependency
/// injection, the design-time factory and the tests all go through here, so they behave alike.
/// </summary>
public static class DbContextOptionsBuilderExtensions
{
    // Validators are stateless: find them once per process, not once per DbContext.
    private static readonly EntityValidator Validator = new();

    /// <summary>Configures the provider and the validation, auditing and error-translation interceptors.</summary>
    public static DbContextOptionsBuilder<AcmeSalesDbContext> UseAcmeSalesModel(
        this DbContextOptionsBuilder<AcmeSalesDbContext> options,
        string connectionString,
        TimeProvider timeProvider,
        ICurrentUser currentUser) =>
        options
            .UseSqlite(connectionString)
            .AddInterceptors(
                // Order matters: validate the caller's data first, then stamp audit columns, then save.
                // Validation detects changes; auditing runs right after it and skips that scan of every
                // tracked entity (it would find nothing new).
                new ValidationInterceptor(Validator),
                new AuditingInterceptor(timeProvider, currentUser, detectChanges: false),
                new DatabaseErrorTranslationInterceptor());
}
