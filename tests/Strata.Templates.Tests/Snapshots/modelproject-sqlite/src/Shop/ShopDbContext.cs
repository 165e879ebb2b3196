using Shop.Common;
using Shop.Common.Conventions;
using Shop.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Shop;

/// <summary>
/// The Unit of Work for this model. Entities register their <c>DbSet</c> in a partial file under
/// <c>DbSets/</c> and their mapping in an <c>IEntityTypeConfiguration</c> under <c>Configurations/</c>;
/// this class holds only what applies to every entity.
/// </summary>
public partial class ShopDbContext : DbContext
{
    /// <summary>The name under <c>ConnectionStrings</c> in configuration.</summary>
    public const string ConnectionStringName = "Shop";

    /// <summary>The max length of a string column unless its configuration says otherwise.</summary>
    public const int DefaultMaxLength = 256;

    public ShopDbContext(DbContextOptions<ShopDbContext> options)
        : base(options)
    {
        // Deletes cascade (or are refused) when SaveChanges runs, not on Remove: deleting a parent whose children
        // on a Restrict relationship are loaded then fails in SaveChanges, with the ForeignKeyConstraintException
        // a delete with the children unloaded gets from the database, instead of an InvalidOperationException from Remove.
        ChangeTracker.CascadeDeleteTiming = CascadeTiming.OnSaveChanges;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (Exception exception) when (DatabaseErrorTranslator.Translate(exception, ChangeTracker) is { } translated)
        {
            throw translated;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception exception) when (DatabaseErrorTranslator.Translate(exception, ChangeTracker) is { } translated)
        {
            throw translated;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopDbContext).Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(type => type.ClrType.IsAssignableTo(typeof(BaseEntity))))
        {
            // SQLite has no rowversion: Version is a plain column that AuditingInterceptor increments.
            modelBuilder.Entity(entityType.ClrType).Property(nameof(BaseEntity.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Defaults for every property of a type; an entity configuration overrides them per property.
        configurationBuilder.Properties<string>().HaveMaxLength(DefaultMaxLength);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(50);

        configurationBuilder.Conventions.Add(_ => new UtcDateTimeConvention());
        configurationBuilder.Conventions.Add(_ => new PluralTableNameConvention());
        configurationBuilder.Conventions.Add(_ => new RestrictDeleteConvention());
        configurationBuilder.Conventions.Add(_ => new AuditIndexConvention());
        configurationBuilder.Conventions.Add(services => new ValueRuleCheckConstraintConvention(
            services.GetRequiredService<ISqlGenerationHelper>(),
            isSqlite: services.GetRequiredService<IDatabaseProvider>().Name == "Microsoft.EntityFrameworkCore.Sqlite"));
    }
}
