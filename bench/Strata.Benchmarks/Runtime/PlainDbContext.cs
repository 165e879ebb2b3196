using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// The baseline: a hand-written DbContext over the same <c>BenchItems</c> table, with no interceptors
/// and no custom conventions. Columns are mapped by hand to match the template's schema.
/// </summary>
public sealed class PlainDbContext<TVersion>(DbContextOptions<PlainDbContext<TVersion>> options) : DbContext(options)
    where TVersion : struct
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var item = modelBuilder.Entity<PlainItem<TVersion>>();
        item.ToTable("BenchItems");
        item.Property(row => row.Name).HasMaxLength(100);
        item.Property(row => row.Sku).HasMaxLength(20);
        item.Property(row => row.Price).HasPrecision(18, 2);
        if (typeof(TVersion) == typeof(uint))
        {
            item.Property(row => row.Version).IsRowVersion();
        }
        else
        {
            item.Property(row => row.Version).IsConcurrencyToken();
        }
    }
}
