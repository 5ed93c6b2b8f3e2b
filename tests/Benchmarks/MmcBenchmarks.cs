using BenchmarkDotNet.Attributes;

namespace HacaSim.Benchmarks;

/// <summary>
/// The three event loops on <see cref="MmcWorkload.Standard"/>. The yardstick is the baseline, so
/// BenchmarkDotNet's Ratio column is time(loop) / time(yardstick). The short job (3 warm-up, 10
/// measured iterations) keeps a full run to a few minutes on a 2-core machine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[Config(typeof(PerEventColumnsConfig))]
public class MmcBenchmarks
{
    private readonly MmcWorkload _workload = MmcWorkload.Standard;

    [Benchmark(Description = "KernelLoop")]
    public double KernelLoop() => SimulationEventLoop.Run(_workload).Checksum;

    [Benchmark(Baseline = true, Description = "PriorityQueueYardstick")]
    public double PriorityQueueYardstick() => PriorityQueueEventLoop.Run(_workload).Checksum;

    [Benchmark(Description = "StationLoop")]
    public double StationLoop() => StationEventLoop.Run(_workload).Checksum;
}
