using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.Runtime;

/// <summary>The baseline: timestamps (and, on SQLite, the version) are set by hand, as without the template.</summary>
public sealed class PlainWorkload<TVersion>(DbContextOptions<PlainDbContext<TVersion>> options, Func<TVersion, TVersion>? bumpVersion)
    : RowWorkload<PlainItem<TVersion>>
    where TVersion : struct
{
    protected override DbContext CreateContext() => new PlainDbContext<TVersion>(options);

    protected override PlainItem<TVersion> NewRow(int index, DateTime utcNow) => new()
    {
        Name = RowValues.Name(index),
        Sku = RowValues.Sku(index),
        Quantity = index % 100,
        Price = index % 1000,
        CreatedAt = utcNow,
        UpdatedAt = utcNow,
    };

    protected override void Change(PlainItem<TVersion> row, DateTime utcNow)
    {
        row.Quantity++;
        row.Price++;
        row.UpdatedAt = utcNow;
        if (bumpVersion is not null)
        {
            row.Version = bumpVersion(row.Version);
        }
    }
}
