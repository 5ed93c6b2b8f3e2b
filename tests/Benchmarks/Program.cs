using BenchmarkDotNet.Running;
using HacaSim.Benchmarks;

// --quick: the Stopwatch smoke harness (seconds); otherwise BenchmarkDotNet, e.g. -- --filter '*'.
if (args.Contains("--quick")) return QuickHarness.Run(MmcWorkload.Standard, Console.Out);
// --model [ROUNDS] [FILE]: the in-process rows of the README's performance table (ModelHarness).
if (args.Length > 0 && args[0] == "--model")
    return ModelHarness.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
        args.Length > 2 ? args[2] : "tests/Benchmarks/results/in-process.txt", Console.Out);
// --bare N: the bare PriorityQueue loop alone on M/M/4 with N customers, for whole-process ratios.
if (args.Length > 1 && args[0] == "--bare") return ModelHarness.Bare(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
// --loop NAME N: one model workload (baseline, mmc, jsq) N times in process, printing each time: a steady target for a profiler.
if (args.Length > 2 && args[0] == "--loop") return ModelHarness.Loop(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
// --threads ROUNDS [DURATION]: the --threads rows' 8 replications in process on 1 and 2 threads, with GC counts and pause time (ThreadsHarness).
if (args.Length > 1 && args[0] == "--threads")
    return ThreadsHarness.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60_000, Console.Out);
// --threads-cold THREADS [DURATION]: the same 8 replications once in a fresh process, no warm-up round, as the command runs them.
if (args.Length > 1 && args[0] == "--threads-cold")
    return ThreadsHarness.Cold(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60_000, Console.Out);
// --outputs NAME N: one replication of a workload (baseline, short, mmc), then each output writer timed alone, N rounds.
if (args.Length > 0 && args[0] == "--chart-warmup")
{
    // The chart warm-up once, in this fresh process (its first-use costs are what it is for): wall and process CPU time.
    var clock = System.Diagnostics.Stopwatch.StartNew();
    TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    HacaSim.Analysis.Charts.ChartWarmup.Run();
    Console.WriteLine(System.FormattableString.Invariant(
        $"chart warm-up: {clock.Elapsed.TotalMilliseconds:F1} ms wall, {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F1} ms CPU"));
    return 0;
}
if (args.Length > 2 && args[0] == "--outputs") return OutputsHarness.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
BenchmarkSwitcher.FromAssembly(typeof(MmcBenchmarks).Assembly).Run(args);
return 0;
