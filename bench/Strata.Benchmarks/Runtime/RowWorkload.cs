using Microsoft.EntityFrameworkCore;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// Inserts or updates <see cref="TotalRows"/> rows in batches of <see cref="BatchSize"/>, one
/// DbContext and one <c>SaveChanges</c> per batch. Subclasses say how a context and a row are made.
/// </summary>
public abstract class RowWorkload<TItem> : IRowWorkload
    where TItem : class
{
    public const int BatchSize = 1_000;
    public const int Batches = 10;
    public const int TotalRows = BatchSize * Batches;

    private readonly List<(DbContext Context, List<TItem> Rows)> _tracked = [];

    public void Insert()
    {
        for (var batch = 0; batch < Batches; batch++)
        {
            InsertBatch(batch);
        }
    }

    /// <summary>Inserts batch <paramref name="batch"/> (rows <c>batch * BatchSize</c> onwards) in one SaveChanges.</summary>
    public void InsertBatch(int batch)
    {
        using var context = CreateContext();
        var now = DateTime.UtcNow;
        for (var i = 0; i < BatchSize; i++)
        {
            context.Add(NewRow((batch * BatchSize) + i, now));
        }

        context.SaveChanges();
    }

    /// <summary>Loads every row in the table, tracked, into one context per <see cref="BatchSize"/> rows (not measured).</summary>
    public void LoadForUpdate()
    {
        ReleaseTracked();
        for (var batch = 0; ; batch++)
        {
            var context = CreateContext();
            var rows = context.Set<TItem>()
                .OrderBy(row => EF.Property<int>(row, "Id"))
                .Skip(batch * BatchSize)
                .Take(BatchSize)
                .ToList();
            if (rows.Count == 0)
            {
                context.Dispose();
                break;
            }

            _tracked.Add((context, rows));
        }
    }

    /// <summary>Changes every loaded row and saves each batch (measured).</summary>
    public void Update()
    {
        for (var batch = 0; batch < _tracked.Count; batch++)
        {
            UpdateBatch(batch);
        }

        ReleaseTracked();
    }

    /// <summary>Changes the rows of one batch loaded by <see cref="LoadForUpdate"/> and saves them.</summary>
    public void UpdateBatch(int batch)
    {
        var (context, rows) = _tracked[batch];
        var now = DateTime.UtcNow;
        foreach (var row in rows)
        {
            Change(row, now);
        }

        context.SaveChanges();
    }

    /// <summary>Disposes the contexts <see cref="LoadForUpdate"/> opened.</summary>
    public void ReleaseTracked()
    {
        foreach (var (context, _) in _tracked)
        {
            context.Dispose();
        }

        _tracked.Clear();
    }

    public void Dispose()
    {
        ReleaseTracked();
        GC.SuppressFinalize(this);
    }

    protected abstract DbContext CreateContext();

    protected abstract TItem NewRow(int index, DateTime utcNow);

    protected abstract void Change(TItem row, DateTime utcNow);
}
