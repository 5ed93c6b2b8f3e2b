using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Experiments.Execution;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;

namespace HacaSim.Benchmarks;

/// <summary>
/// The replications of whole-process.sh's --threads rows in process, without start-up or output files: 8 replications
/// of baseline.yaml at 60,000 s (samples every 100 s) on 1 and on 2 threads, interleaved, with each round's collections
/// per generation, GC pause time and CPU time. It separates the simulation's own scaling (and what the GC costs it)
/// from the serial parts of the command. Wall seconds; for profiling and runtime settings, not a table row.
/// </summary>
public static class ThreadsHarness
{
    public static int Run(int rounds, double duration, TextWriter output)
    {
        string repo = ModelWorkload.FindRepository();
        LoadedScenario loaded = ScenarioLoader.Load(Path.Combine(repo, "Scenarios/baseline.yaml"),
            ["run.replications=8", $"run.duration_s={duration.ToString("R", CultureInfo.InvariantCulture)}", "run.sample_interval_s=100"],
            ScenarioCatalogs.Default);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# 8 x baseline.yaml at {duration:N0} s; server GC {GCSettings.IsServerGC}, latency mode {GCSettings.LatencyMode}, {Environment.ProcessorCount} cores"));
        // One short round first, so both thread counts run tier-1 code.
        Measure(loaded.Scenario with { Run = loaded.Scenario.Run with { DurationSeconds = 3600, Replications = 2 } }, 2);
        var walls = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        for (int round = 0; round < rounds; round++)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                var m = Measure(loaded.Scenario, threads);
                walls[threads].Add(m.Wall);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} threads {threads}: wall {m.Wall,6:F2} s, cpu {m.Cpu,6:F2} s, GCs {m.Gen0}/{m.Gen1}/{m.Gen2}, GC pause {m.Pause,5:F2} s ({100 * m.Pause / m.Wall:F0}% of wall), allocated {m.AllocatedMb:N0} MB"));
            }
        }
        double median1 = Median(walls[1]), median2 = Median(walls[2]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median: threads 1 {median1:F2} s, threads 2 {median2:F2} s, speed-up {median1 / median2:F2}x"));
        return 0;
    }

    /// <summary>
    /// One measurement in a fresh process, without the warm-up round, as the command runs its replications: wall and CPU,
    /// and when each replication ended. Compared with <see cref="Run"/>'s warm rounds it shows what the first round's
    /// JIT tiers and first-use costs add to the command's replication phase.
    /// </summary>
    public static int Cold(int threads, double duration, TextWriter output)
    {
        string repo = ModelWorkload.FindRepository();
        LoadedScenario loaded = ScenarioLoader.Load(Path.Combine(repo, "Scenarios/baseline.yaml"),
            ["run.replications=8", $"run.duration_s={duration.ToString("R", CultureInfo.InvariantCulture)}", "run.sample_interval_s=100"],
            ScenarioCatalogs.Default);
        long start = Stopwatch.GetTimestamp();
        var ends = new double[8];
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        ReplicationRunner.Run(loaded.Scenario, threads, ScenarioCatalogs.Default, onDone: i => ends[i] = Stopwatch.GetElapsedTime(start).TotalSeconds);
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold threads {threads}: wall {wall:F2} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
            $"ends {string.Join(" ", ends.Select(e => e.ToString("F2", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

    private static (double Wall, double Cpu, int Gen0, int Gen1, int Gen2, double Pause, double AllocatedMb) Measure(Scenario scenario, int threads)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        TimeSpan pause = GC.GetTotalPauseDuration();
        long allocated = GC.GetTotalAllocatedBytes();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        ReplicationRunner.Run(scenario, threads, ScenarioCatalogs.Default);
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
            (GC.GetTotalPauseDuration() - pause).TotalSeconds, (GC.GetTotalAllocatedBytes() - allocated) / 1e6);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
