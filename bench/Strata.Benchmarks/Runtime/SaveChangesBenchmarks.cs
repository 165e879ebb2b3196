using BenchmarkDotNet.Attributes;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// Inserts, then updates, 10,000 rows in batches of 1,000 per SaveChanges: a plain DbContext
/// (baseline) against the template's DbContext with auditing, and with auditing plus validation.
/// Figures are per SaveChanges (1,000 rows): <c>OperationsPerInvoke</c> divides by the batch count.
/// </summary>
[Config(typeof(RuntimeConfig))]
public class SaveChangesBenchmarks
{
    private IBenchDatabase _database = null!;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "";

    public static IEnumerable<string> Databases() =>
        BenchEnvironment.PostgresConnectionString is null ? ["Sqlite"] : ["Sqlite", "PostgreSql"];

    [GlobalSetup]
    public void GlobalSetup() =>
        _database = Database == "Sqlite"
            ? new SqliteBenchDatabase()
            : new PostgresBenchDatabase(BenchEnvironment.PostgresConnectionString!);

    [GlobalCleanup]
    public void GlobalCleanup() => _database.Dispose();

    [IterationSetup(Targets = [nameof(InsertPlain), nameof(InsertAuditing), nameof(InsertAuditingAndValidation)])]
    public void EmptyTable() => _database.Reset();

    [IterationSetup(Target = nameof(UpdatePlain))]
    public void LoadPlain() => Load(Variant.Plain);

    [IterationSetup(Target = nameof(UpdateAuditing))]
    public void LoadAuditing() => Load(Variant.Auditing);

    [IterationSetup(Target = nameof(UpdateAuditingAndValidation))]
    public void LoadAuditingAndValidation() => Load(Variant.AuditingAndValidation);

    [Benchmark(Baseline = true, OperationsPerInvoke = RowWorkload<object>.Batches)]
    [BenchmarkCategory("Insert")]
    public void InsertPlain() => _database.Workload(Variant.Plain).Insert();

    [Benchmark(OperationsPerInvoke = RowWorkload<object>.Batches)]
    [BenchmarkCategory("Insert")]
    public void InsertAuditing() => _database.Workload(Variant.Auditing).Insert();

    [Benchmark(OperationsPerInvoke = RowWorkload<object>.Batches)]
    [BenchmarkCategory("Insert")]
    public void InsertAuditingAndValidation() => _database.Workload(Variant.AuditingAndValidation).Insert();

    [Benchmark(Baseline = true, OperationsPerInvoke = RowWorkload<object>.Batches)]
    [BenchmarkCategory("Update")]
    public void UpdatePlain() => _database.Workload(Variant.Plain).Update();

    [Benchmark(OperationsPerInvoke = RowWorkload<object>.Batches)]
    [BenchmarkCategory("Update")]
    public void UpdateAuditing() => _database.Workload(Variant.Auditing).Update();

    [Benchmark(OperationsPerInvoke = RowWorkload<object>.Batches)]
    [BenchmarkCategory("Update")]
    public void UpdateAuditingAndValidation() => _database.Workload(Variant.AuditingAndValidation).Update();

    private void Load(Variant variant)
    {
        _database.Reset();
        _database.Workload(Variant.Plain).Insert();
        _database.Workload(variant).LoadForUpdate();
    }
}
