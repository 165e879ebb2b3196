using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks.Runtime;

/// <summary>
/// `keytypes [rounds]`: the inserts of <see cref="KeyTypeBenchmarks"/>, int and guid keys taking turns batch by batch
/// in a random order (as <see cref="PairedRunner"/> does for the SaveChanges workloads), so a machine that slows down
/// under them slows both alike. Prints one tab-separated line per key type and round: database, key type, round,
/// wall ms, CPU ms of the thread doing the work (each the sum over the 10 batches of 1,000 rows; on PostgreSQL the
/// CPU time is the client side only).
/// </summary>
public static class KeyTypePairedRunner
{
    private static readonly string[] KeyTypes = ["int", "guid"];

    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], out var value) ? value : 12;
        var random = new Random(20261130);
        foreach (var database in KeyTypeBenchmarks.Databases())
        {
            var workloads = KeyTypes.ToDictionary(keyType => keyType, keyType => new KeyTypeWorkload(database, keyType));
            try
            {
                // Two warm-up rounds (JIT, caches), then the measured ones, each into empty tables.
                for (var round = -2; round < rounds; round++)
                {
                    var totals = KeyTypes.ToDictionary(keyType => keyType, _ => (Wall: 0.0, Cpu: 0.0));
                    foreach (var workload in workloads.Values)
                    {
                        workload.Reset();
                    }

                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    var order = KeyTypes.ToArray();
                    for (var batch = 0; batch < RowWorkload<object>.Batches; batch++)
                    {
                        random.Shuffle(order);
                        foreach (var keyType in order)
                        {
                            var cpu = ThreadCpuTime.Now();
                            var wall = Stopwatch.StartNew();
                            workloads[keyType].InsertBatch(batch);
                            var wallMs = wall.Elapsed.TotalMilliseconds;
                            var cpuMs = (ThreadCpuTime.Now() - cpu).TotalMilliseconds;
                            totals[keyType] = (totals[keyType].Wall + wallMs, totals[keyType].Cpu + cpuMs);
                        }
                    }

                    if (round >= 0)
                    {
                        foreach (var (keyType, time) in totals)
                        {
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database}\t{keyType}\t{round}\t{time.Wall:F2}\t{time.Cpu:F2}"));
                        }
                    }
                }
            }
            finally
            {
                foreach (var workload in workloads.Values)
                {
                    workload.Dispose();
                }
            }
        }

        return 0;
    }
}
