using BenchmarkDotNet.Running;
using HacaSim.Benchmarks;

// --quick: the Stopwatch smoke harness (seconds); otherwise BenchmarkDotNet, e.g. -- --filter '*'.
if (args.Contains("--quick")) return QuickHarness.Run(MmcWorkload.Standard, Console.Out);
BenchmarkSwitcher.FromAssembly(typeof(MmcBenchmarks).Assembly).Run(args);
return 0;
