using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// `paired [rounds]`: the same workloads as <see cref="SaveChangesBenchmarks"/>, but run side by side.
/// Each variant has its own database (its own in-memory SQLite database, or its own PostgreSQL
/// database), and the three take turns batch by batch: the first 1,000 rows of each, then the next
/// 1,000 of each, and so on, the order rotating every batch and reversing every round. A pair of
/// measurements is then a few milliseconds apart, so a machine that speeds up or slows down under
/// them (a shared VM does, by tens of percent) affects all three alike. Each run records wall time
/// and the CPU time of the thread doing the work (<see cref="ThreadCpuTime"/>); on PostgreSQL that CPU
/// time is the client side only (where the interceptors run).
/// Prints one tab-separated line per variant, operation and round: database, operation, variant,
/// round, wall ms, CPU ms (each the sum over the 10 batches of 1,000 rows).
/// </summary>
public static class PairedRunner
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], out var value) ? value : 12;
        var variants = Enum.GetValues<Variant>();
        foreach (var name in SaveChangesBenchmarks.Databases())
        {
            var databases = variants.ToDictionary(variant => variant, variant => name == "Sqlite"
                ? (IBenchDatabase)new SqliteBenchDatabase()
                : new PostgresBenchDatabase(BenchEnvironment.PostgresConnectionString!, $"strata_bench_{variant.ToString().ToLowerInvariant()}"));
            try
            {
                var workloads = variants.ToDictionary(variant => variant, variant => databases[variant].Workload(variant));

                // Two warm-up rounds (JIT, caches), then the measured ones.
                for (var round = -2; round < rounds; round++)
                {
                    // One unmeasured batch per variant before each phase (a warm-up; Interleave collects garbage
                    // before every measured batch). The extra inserted batch is the one loaded first for the updates.
                    foreach (var (variant, database) in databases)
                    {
                        database.Reset();
                        workloads[variant].InsertBatch(RowWorkload<object>.Batches);
                    }

                    var insert = Interleave(variants, round, (variant, batch) => workloads[variant].InsertBatch(batch));
                    foreach (var workload in workloads.Values)
                    {
                        workload.LoadForUpdate();
                    }

                    foreach (var workload in workloads.Values)
                    {
                        workload.UpdateBatch(0);
                    }

                    // Loaded batch 0 is the unmeasured one; batches 1-10 are the measured 10,000 rows.
                    var update = Interleave(variants, round, (variant, batch) => workloads[variant].UpdateBatch(batch + 1));
                    foreach (var workload in workloads.Values)
                    {
                        workload.ReleaseTracked();
                    }

                    if (round >= 0)
                    {
                        foreach (var variant in variants)
                        {
                            Print(name, "Insert", variant, round, insert[variant]);
                            Print(name, "Update", variant, round, update[variant]);
                        }
                    }
                }
            }
            finally
            {
                foreach (var database in databases.Values)
                {
                    database.Dispose();
                }
            }
        }

        return 0;
    }

    /// <summary>Runs every batch of every variant, the variants taking turns; returns each one's summed times.</summary>
    private static Dictionary<Variant, (double Wall, double Cpu)> Interleave(Variant[] variants, int round, Action<Variant, int> runBatch)
    {
        var totals = variants.ToDictionary(variant => variant, _ => (Wall: 0.0, Cpu: 0.0));

        for (var batch = 0; batch < RowWorkload<object>.Batches; batch++)
        {
            for (var turn = 0; turn < variants.Length; turn++)
            {
                var position = (batch + turn) % variants.Length;
                var variant = variants[round % 2 == 0 ? position : variants.Length - 1 - position];

                // A full collection before every batch: with three variants' rows in memory at once, a
                // collection inside a batch would mostly sweep the other variants' objects, and it lands on
                // the same variant round after round. The garbage a batch makes is still collected in it.
                Collect();
                var cpu = ThreadCpuTime.Now();
                var wall = Stopwatch.StartNew();
                runBatch(variant, batch);
                var wallMs = wall.Elapsed.TotalMilliseconds;
                var cpuMs = (ThreadCpuTime.Now() - cpu).TotalMilliseconds;
                totals[variant] = (totals[variant].Wall + wallMs, totals[variant].Cpu + cpuMs);
            }
        }

        return totals;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Print(string database, string operation, Variant variant, int round, (double Wall, double Cpu) time) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{database}\t{operation}\t{variant}\t{round}\t{time.Wall:F2}\t{time.Cpu:F2}"));
}
