using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Strata.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), falling back
/// to the process's CPU time elsewhere. Unlike wall time, it hardly moves when other processes load
/// the machine, and unlike process CPU time it leaves out background threads (tiered JIT, timers).
/// The workstation, non-concurrent GC runs on the allocating thread, so collections are included.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && NativeMethods.ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        public static extern int ClockGetTime(int clockId, out TimeSpec time);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
