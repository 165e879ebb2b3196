namespace Strata.Benchmarks;

/// <summary>Settings that build/bench.sh passes through the environment.</summary>
public static class BenchEnvironment
{
    /// <summary>The throwaway cluster (build/postgres.sh); PostgreSQL benchmarks are skipped without it.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("STRATA_BENCH_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Where SQLite database files for the model-building benchmarks go.</summary>
    public static string DataDirectory =>
        Environment.GetEnvironmentVariable("STRATA_BENCH_DATA") is { Length: > 0 } value ? value : Path.GetTempPath();

    /// <summary>Measured iterations per benchmark (STRATA_BENCH_ITERATIONS, default 10).</summary>
    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("STRATA_BENCH_ITERATIONS"), out var value) && value > 0 ? value : 10;
}
