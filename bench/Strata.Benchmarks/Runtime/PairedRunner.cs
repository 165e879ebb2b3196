using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// `paired [rounds]`: the same workloads as <see cref="SaveChangesBenchmarks"/>, but run side by side.
/// Each variant has its own database (its own in-memory SQLite database, or its own PostgreSQL
/// database), and the three take turns batch by batch: the first 1,000 rows of each, then the next
/// 1,000 of each, and so on, in a random order drawn afresh for every batch. A pair of measurements
/// is then a few milliseconds apart, so a machine that speeds up or slows down under them (a shared
/// VM does, by tens of percent) affects all three alike. Collections are not forced between batches:
/// a gen-0 collection then lands in a batch with a chance in proportion to what the batch allocated,
/// which is what an application pays for allocations. (A fixed order made a collection land on the
/// same variant round after round; forcing a full collection before every batch instead gave the same
/// build 1.02 in one process and 1.14 in the next for PostgreSQL updates with auditing, each with a
/// tight interval: every batch then starts from an empty gen 0, so whether a batch pays for a
/// collection depends on where its allocations fall against a budget, not on how much it allocates.)
/// Each run records wall time and the CPU time of the thread doing the work (<see cref="ThreadCpuTime"/>);
/// on PostgreSQL that CPU time is the client side only (where the interceptors run).
/// Prints one tab-separated line per variant, operation and round: database, operation, variant,
/// round, wall ms, CPU ms (each the sum over the 10 batches of 1,000 rows).
/// </summary>
public static class PairedRunner
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], out var value) ? value : 12;
        var variants = Enum.GetValues<Variant>();

        // A fixed seed: the same schedule on every run, so two runs differ only by the code and the machine.
        var random = new Random(20261125);
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
                    // One unmeasured batch per variant before each phase (a warm-up). The extra inserted batch
                    // is the one loaded first for the updates.
                    foreach (var (variant, database) in databases)
                    {
                        database.Reset();
                        workloads[variant].InsertBatch(RowWorkload<object>.Batches);
                    }

                    var insert = Interleave(variants, random, (variant, batch) => workloads[variant].InsertBatch(batch));
                    foreach (var workload in workloads.Values)
                    {
                        workload.LoadForUpdate();
                    }

                    foreach (var workload in workloads.Values)
                    {
                        workload.UpdateBatch(0);
                    }

                    // Loaded batch 0 is the unmeasured one; batches 1-10 are the measured 10,000 rows.
                    var update = Interleave(variants, random, (variant, batch) => workloads[variant].UpdateBatch(batch + 1));
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

    /// <summary>Runs every batch of every variant, the variants taking turns in a random order; returns each one's summed times.</summary>
    private static Dictionary<Variant, (double Wall, double Cpu)> Interleave(Variant[] variants, Random random, Action<Variant, int> runBatch)
    {
        var totals = variants.ToDictionary(variant => variant, _ => (Wall: 0.0, Cpu: 0.0));

        // The phase starts from the same heap for every variant; within it, collections fall where they fall.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var order = variants.ToArray();
        for (var batch = 0; batch < RowWorkload<object>.Batches; batch++)
        {
            random.Shuffle(order);
            foreach (var variant in order)
            {
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

    private static void Print(string database, string operation, Variant variant, int round, (double Wall, double Cpu) time) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{database}\t{operation}\t{variant}\t{round}\t{time.Wall:F2}\t{time.Cpu:F2}"));
}
