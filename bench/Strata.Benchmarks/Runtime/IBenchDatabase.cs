namespace Strata.Benchmarks.Runtime;

/// <summary>A database holding the <c>BenchItems</c> table, created from the template's model.</summary>
public interface IBenchDatabase : IDisposable
{
    IRowWorkload Workload(Variant variant);

    /// <summary>Empties the table (not measured).</summary>
    void Reset();
}
