using BenchModel;
using BenchModel.Entities;
using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.Runtime;

/// <summary>Rows written through the template's SQLite DbContext: the interceptors set timestamps and version.</summary>
public sealed class SqliteModelWorkload(DbContextOptions<BenchModelDbContext> options) : RowWorkload<BenchItem>
{
    protected override DbContext CreateContext() => new BenchModelDbContext(options);

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
