using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks.ModelBuilding;

/// <summary>
/// `startup &lt;variant&gt;`: in a new process, time from Main to the end of the first query (model
/// building, JIT and query compilation included) and print it in milliseconds, followed by the part
/// spent until the model was ready, then the CPU time this process used since it started (steadier
/// than wall time on a loaded machine). build/bench.sh runs it several times per variant,
/// interleaved, and takes the median.
/// </summary>
public static class StartupProbe
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !Enum.TryParse<ModelVariant>(args[1], ignoreCase: true, out var variant))
        {
            Console.Error.WriteLine($"usage: startup <{string.Join('|', Enum.GetNames<ModelVariant>())}> | startup prepare");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        using var context = WideModel.Create(variant, freshModel: false);
        _ = context.Model;
        var modelReady = stopwatch.Elapsed;
        WideModel.FirstQuery(context);
        var total = stopwatch.Elapsed;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{total.TotalMilliseconds:F1} {modelReady.TotalMilliseconds:F1} {cpu.TotalMilliseconds:F1}"));
        return 0;
    }
}
