using BenchWide;
using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.ModelBuilding;

/// <summary>
/// The 200-entity model without the template's conventions: the same entity configurations,
/// stock EF Core conventions only (no plural names, restrict-delete, CHECK constraints, defaults).
/// </summary>
public sealed class PlainWideDbContext(DbContextOptions<PlainWideDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BenchWideDbContext).Assembly);
}
