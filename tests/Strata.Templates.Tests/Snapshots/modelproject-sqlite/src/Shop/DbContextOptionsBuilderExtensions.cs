using Shop.Common;
using Shop.Common.Auditing;
using Shop.Common.Errors;
using Shop.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Shop;

/// <summary>
/// The one place that chooses the database provider and adds the model's interceptors. Dependency
/// injection, the design-time factory and the tests all go through here, so they behave alike.
/// </summary>
public static class DbContextOptionsBuilderExtensions
{
    // Validators are stateless: find them once per process, not once per DbContext.
    private static readonly EntityValidator Validator = new();

    /// <summary>Configures the provider and the validation, auditing and error-translation interceptors.</summary>
    public static DbContextOptionsBuilder<ShopDbContext> UseShopModel(
        this DbContextOptionsBuilder<ShopDbContext> options,
        string connectionString,
        TimeProvider timeProvider) =>
        options
            .UseSqlite(connectionString)
            .AddInterceptors(
                // Order matters: validate the caller's data first, then stamp audit columns, then save.
                // Validation detects changes; auditing runs right after it and skips that scan of every
                // tracked entity (it would find nothing new).
                new ValidationInterceptor(Validator),
                new AuditingInterceptor(timeProvider, detectChanges: false),
                new DatabaseErrorTranslationInterceptor());
}
