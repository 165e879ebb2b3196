using BenchmarkDotNet.Attributes;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// <c>--id-type guid</c> against the default <c>int</c> (issue 13): 10,000 rows inserted in batches of 1,000 per
/// SaveChanges through the template's DbContext, into an empty table. The guid keys are made by the application
/// (UUIDv7 with a counter), the int keys by the database (SQLite rowid, PostgreSQL identity). Figures are per
/// SaveChanges (1,000 rows). <c>keytypes [rounds]</c> (<see cref="KeyTypePairedRunner"/>) runs the same inserts side by side.
/// </summary>
[Config(typeof(RuntimeConfig))]
public class KeyTypeBenchmarks
{
    private KeyTypeWorkload _workload = null!;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "";

    public static IEnumerable<string> Databases() => SaveChangesBenchmarks.Databases();

    [Params("int", "guid")]
    public string KeyType { get; set; } = "";

    [GlobalSetup]
    public void GlobalSetup() => _workload = new KeyTypeWorkload(Database, KeyType);

    [GlobalCleanup]
    public void GlobalCleanup() => _workload.Dispose();

    [IterationSetup]
    public void EmptyTable() => _workload.Reset();

    [Benchmark(OperationsPerInvoke = RowWorkload<object>.Batches)]
    public void Insert()
    {
        for (var batch = 0; batch < RowWorkload<object>.Batches; batch++)
        {
            _workload.InsertBatch(batch);
        }
    }
}
