using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// `paired [rounds]`: the same workloads as <see cref="SaveChangesBenchmarks"/>, but the three
/// variants run interleaved, round after round, and each run records wall time and the CPU time of
/// the thread doing the work (<see cref="ThreadCpuTime"/>). On a shared, loaded machine that CPU time
/// is far steadier than wall time; on PostgreSQL it is the client side only (where the interceptors run).
/// Prints one tab-separated line per run: database, operation, variant, round, wall ms, CPU ms.
/// </summary>
public static class PairedRunner
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], out var value) ? value : 12;
        var databases = SaveChangesBenchmarks.Databases().ToList();
        foreach (var name in databases)
        {
            using IBenchDatabase database = name == "Sqlite"
                ? new SqliteBenchDatabase()
                : new PostgresBenchDatabase(BenchEnvironment.PostgresConnectionString!);

            // Two warm-up rounds (JIT, caches), then the measured ones; the order alternates each round.
            for (var round = -2; round < rounds; round++)
            {
                var variants = Enum.GetValues<Variant>();
                if (round % 2 != 0)
                {
                    Array.Reverse(variants);
                }

                foreach (var variant in variants)
                {
                    var workload = database.Workload(variant);
                    database.Reset();
                    var insert = Measure(workload.Insert);
                    workload.LoadForUpdate();
                    var update = Measure(workload.Update);
                    if (round >= 0)
                    {
                        Print(name, "Insert", variant, round, insert);
                        Print(name, "Update", variant, round, update);
                    }
                }
            }
        }

        return 0;
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = ThreadCpuTime.Now();
        var wall = Stopwatch.StartNew();
        action();
        var wallMs = wall.Elapsed.TotalMilliseconds;
        return (wallMs, (ThreadCpuTime.Now() - cpu).TotalMilliseconds);
    }

    private static void Print(string database, string operation, Variant variant, int round, (double Wall, double Cpu) time) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{database}\t{operation}\t{variant}\t{round}\t{time.Wall:F2}\t{time.Cpu:F2}"));
}
