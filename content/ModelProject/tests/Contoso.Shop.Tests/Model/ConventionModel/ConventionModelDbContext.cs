#if (AuditUser)
using Contoso.Shop.Common;
#endif
using Microsoft.EntityFrameworkCore;

namespace Contoso.Shop.Tests.Model.ConventionModel;

/// <summary>
/// The project's DbContext with only a few test entity types instead of the application's (irregular
/// plurals, a table-per-type and a table-per-hierarchy inheritance), so the project's own conventions
/// are tested on shapes the application may not have yet. Nothing here is part of the application's model.
/// </summary>
public sealed class ConventionModelDbContext(DbContextOptions<ContosoShopDbContext> options) : ContosoShopDbContext(options)
{
    /// <summary>A context wired as the application wires its own (<c>UseContosoShopModel</c>), on <paramref name="connectionString"/>.</summary>
    public static ConventionModelDbContext Create(string connectionString) =>
#if (AuditUser)
        new(new DbContextOptionsBuilder<ContosoShopDbContext>().UseContosoShopModel(connectionString, TimeProvider.System, AnonymousUser.Instance).Options);
#else
        new(new DbContextOptionsBuilder<ContosoShopDbContext>().UseContosoShopModel(connectionString, TimeProvider.System).Options);
#endif

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Person>();
        modelBuilder.Entity<Category>();
        modelBuilder.Entity<Animal>().UseTptMappingStrategy();
        modelBuilder.Entity<Dog>();
        modelBuilder.Entity<Cat>();
        modelBuilder.Entity<Vehicle>().UseTphMappingStrategy();
        modelBuilder.Entity<Bus>();
        modelBuilder.Entity<Lorry>();

        // After these, so that what the project applies to every entity (concurrency token, query filters)
        // applies to them too.
        base.OnModelCreating(modelBuilder);

        // Without the application's own entities: one of them may well be called Category or Person too.
        foreach (var applicationType in modelBuilder.Model.GetEntityTypes()
            .Select(entityType => entityType.ClrType)
            .Where(type => type.Assembly == typeof(ContosoShopDbContext).Assembly)
            .ToList())
        {
            modelBuilder.Ignore(applicationType);
        }
    }
}
