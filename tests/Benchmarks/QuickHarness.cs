using System.Diagnostics;
using System.Globalization;

namespace HacaSim.Benchmarks;

/// <summary>
/// A Stopwatch harness for CI-speed smoke checks, without BenchmarkDotNet: warm-up runs so the JIT
/// reaches its optimised tier, then 7 measured runs of each loop, interleaved so that machine noise
/// hits all three alike, reporting medians. Returns a non-zero exit code if the loops disagree,
/// because they run identical model logic on identical random streams and must produce the same result.
/// </summary>
internal static class QuickHarness
{
    private const int WarmupRuns = 5;
    private const int MeasuredRuns = 7;

    private static readonly (string Name, Func<MmcWorkload, MmcResult> Run)[] Loops =
    [
        ("KernelLoop", SimulationEventLoop.Run),
        ("PriorityQueueYardstick", PriorityQueueEventLoop.Run),
        ("StationLoop", StationEventLoop.Run),
    ];

    public static int Run(MmcWorkload workload, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
#if DEBUG
        output.WriteLine("warning: a Debug build; run with -c Release for meaningful numbers");
#endif
        output.WriteLine(string.Create(inv,
            $"M/M/{workload.Servers}, rho {workload.Utilisation}, {workload.Arrivals} arrivals ({workload.EventsPerRun} events) per run; " +
            $"median of {MeasuredRuns} after {WarmupRuns} warm-up runs; .NET {Environment.Version}, {Environment.ProcessorCount} cores"));

        var results = new MmcResult[Loops.Length];
        for (int w = 0; w < WarmupRuns; w++)
            for (int i = 0; i < Loops.Length; i++) results[i] = Loops[i].Run(workload);

        var seconds = new double[Loops.Length][];
        var bytes = new long[Loops.Length][];
        for (int i = 0; i < Loops.Length; i++)
        {
            seconds[i] = new double[MeasuredRuns];
            bytes[i] = new long[MeasuredRuns];
        }
        for (int r = 0; r < MeasuredRuns; r++)
        {
            for (int i = 0; i < Loops.Length; i++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                results[i] = Loops[i].Run(workload);
                seconds[i][r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                bytes[i][r] = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }
        }

        const int baseline = 1; // the PriorityQueue yardstick
        double baselineSeconds = Median(seconds[baseline]);
        output.WriteLine($"{"Loop",-24}{"ms/run",10}{"events/s",16}{"bytes/event",13}{"ratio",8}  checksum");
        for (int i = 0; i < Loops.Length; i++)
        {
            double median = Median(seconds[i]);
            double bytesPerEvent = Median(bytes[i].Select(b => (double)b).ToArray()) / results[i].EventsFired;
            output.WriteLine(string.Create(inv,
                $"{Loops[i].Name,-24}{median * 1e3,10:F2}{results[i].EventsFired / median,16:N0}{bytesPerEvent,13:F4}{median / baselineSeconds,8:F3}  {results[i].Checksum:R}"));
        }
        output.WriteLine(string.Create(inv,
            $"mean number in system {results[0].MeanNumberInSystem:F3} (Erlang C steady state {workload.TheoryMeanNumberInSystem():F3}), mean wait {results[0].MeanWaitSeconds:F3} s"));

        bool agree = results.All(r => r == results[0]) && results[0].EventsFired == workload.EventsPerRun;
        output.WriteLine(agree
            ? "all loops fired the same events and agree to the last bit"
            : "ERROR: the loops disagree (see checksums); identical logic must give identical results");
        return agree ? 0 : 1;
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
