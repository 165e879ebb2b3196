using Microsoft.EntityFrameworkCore;

namespace Contoso.Shop.Tests.Model.ConventionModel;

/// <summary>
/// The project's DbContext with a few extra entity types that the shipped model doesn't have
/// (irregular plurals, a table-per-type and a table-per-hierarchy inheritance), so the project's
/// own conventions are tested on them. Nothing here is part of the application's model.
/// </summary>
public sealed class ConventionModelDbContext(DbContextOptions<ContosoShopDbContext> options) : ContosoShopDbContext(options)
{
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

        // Last, so that what the project applies to every entity (concurrency token, query filters) applies to these too.
        base.OnModelCreating(modelBuilder);
    }
}
