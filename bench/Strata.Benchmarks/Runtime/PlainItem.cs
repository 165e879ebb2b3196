namespace Strata.Benchmarks.Runtime;

/// <summary>
/// The baseline's row: the same columns as the template's <c>BenchItem</c> (an <c>AuditableEntity</c>),
/// but a plain class whose timestamps and version the caller sets by hand.
/// </summary>
/// <typeparam name="TVersion"><see cref="long"/> on SQLite (a column we bump), <see cref="uint"/> on PostgreSQL (xmin).</typeparam>
public sealed class PlainItem<TVersion>
    where TVersion : struct
{
    public int Id { get; set; }

    public TVersion Version { get; set; }

    public required string Name { get; set; }

    public string? Sku { get; set; }

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
