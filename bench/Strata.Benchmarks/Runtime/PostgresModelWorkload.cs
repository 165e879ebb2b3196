using BenchModelPg;
using BenchModelPg.Entities;
using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.Runtime;

/// <summary>Rows written through the template's PostgreSQL DbContext: the interceptors set timestamps.</summary>
public sealed class PostgresModelWorkload(DbContextOptions<BenchModelPgDbContext> options) : RowWorkload<BenchItem>
{
    protected override DbContext CreateContext() => new BenchModelPgDbContext(options);

    protected override BenchItem NewRow(int index, DateTime utcNow) => new()
    {
        Name = RowValues.Name(index),
        Sku = RowValues.Sku(index),
        Quantity = index % 100,
        Price = index % 1000,
    };

    protected override void Change(BenchItem row, DateTime utcNow)
    {
        row.Quantity++;
        row.Price++;
    }
}
