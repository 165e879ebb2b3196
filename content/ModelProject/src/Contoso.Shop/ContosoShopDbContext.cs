#if (SoftDelete)
using System.Linq.Expressions;
#endif
using Contoso.Shop.Common;
using Contoso.Shop.Common.Conventions;
using Contoso.Shop.Common.Errors;
#if (idType == "guid" && !UseSqlServer)
using Contoso.Shop.Common.Keys;
#endif
#if (SoftDelete)
using Contoso.Shop.Common.SoftDelete;
#endif
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
#if (idType == "guid" && UseSqlServer)
using Microsoft.EntityFrameworkCore.ValueGeneration;
#endif
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Shop;

/// <summary>
/// The Unit of Work for this model. Entities register their <c>DbSet</c> in a partial file under
/// <c>DbSets/</c> and their mapping in an <c>IEntityTypeConfiguration</c> under <c>Configurations/</c>;
/// this class holds only what applies to every entity.
/// </summary>
public partial class ContosoShopDbContext : DbContext
{
    /// <summary>The name under <c>ConnectionStrings</c> in configuration.</summary>
    public const string ConnectionStringName = "ContosoShop";

    /// <summary>The max length of a string column unless its configuration says otherwise.</summary>
    public const int DefaultMaxLength = 256;

    public ContosoShopDbContext(DbContextOptions<ContosoShopDbContext> options)
        : base(options)
    {
        // Deletes cascade (or are refused) when SaveChanges runs, not on Remove: deleting a parent whose children
        // on a Restrict relationship are loaded then fails in SaveChanges, with the ForeignKeyConstraintException
        // a delete with the children unloaded gets from the database, instead of an InvalidOperationException from Remove.
        ChangeTracker.CascadeDeleteTiming = CascadeTiming.OnSaveChanges;
    }
#if (SnakeCaseNaming)

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // The database's names are part of the model, so the context sets them itself: dependency injection,
        // dotnet ef and the tests all see order_lines, created_at and pk_orders. EFCore.NamingConventions names
        // columns, keys and indexes; PluralTableNameConvention and ValueRuleCheckConstraintConvention name tables
        // and CHECK constraints with the same snake_case rewriter.
        optionsBuilder.UseSnakeCaseNamingConvention();
    }
#endif

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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContosoShopDbContext).Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(type => type.ClrType.IsAssignableTo(typeof(BaseEntity))))
        {
#if (UseSqlite)
            // SQLite has no rowversion: Version is a plain column that AuditingInterceptor increments.
            modelBuilder.Entity(entityType.ClrType).Property(nameof(BaseEntity.Version)).IsConcurrencyToken();
#elif (UseSqlServer)
            modelBuilder.Entity(entityType.ClrType).Property(nameof(BaseEntity.Version)).IsRowVersion();
#else
            // Maps to PostgreSQL's xmin system column: no extra column, changes on every write.
            modelBuilder.Entity(entityType.ClrType).Property(nameof(BaseEntity.Version)).IsRowVersion();
#endif
#if (idType == "guid")

            // Keys are made when an entity is added, in an order the provider's index keeps: inserts land at its end.
            if (entityType.BaseType is null)
            {
#if (UseSqlServer)
                // uniqueidentifier sorts by its last six bytes first; EF Core's sequential generator counts up in those.
                modelBuilder.Entity(entityType.ClrType).Property(nameof(BaseEntity.Id)).HasValueGenerator<SequentialGuidValueGenerator>();
#else
                modelBuilder.Entity(entityType.ClrType).Property(nameof(BaseEntity.Id)).HasValueGenerator<SequentialGuidV7ValueGenerator>();
#endif
            }
#endif
#if (SoftDelete)

            // A query filter belongs to the root of an inheritance hierarchy and applies to its derived types too.
            if (entityType.BaseType is null && entityType.ClrType.IsAssignableTo(typeof(ISoftDeletable)))
            {
                // entity => entity.DeletedAt == null, for each soft-deletable entity type.
                var entity = Expression.Parameter(entityType.ClrType, "entity");
                var isLive = Expression.Lambda(
                    Expression.Equal(Expression.Property(entity, nameof(ISoftDeletable.DeletedAt)), Expression.Constant(null, typeof(DateTime?))),
                    entity);
                modelBuilder.Entity(entityType.ClrType).HasQueryFilter(SoftDeleteQueryExtensions.FilterName, isLive);
            }
#endif
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
#if (SoftDelete)
        configurationBuilder.Conventions.Add(services => new SoftDeleteUniqueIndexConvention(services.GetRequiredService<ISqlGenerationHelper>()));
#endif
        configurationBuilder.Conventions.Add(services => new ValueRuleCheckConstraintConvention(
            services.GetRequiredService<ISqlGenerationHelper>(),
            isSqlite: services.GetRequiredService<IDatabaseProvider>().Name == "Microsoft.EntityFrameworkCore.Sqlite"));
    }
}
