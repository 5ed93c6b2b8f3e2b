using BenchmarkDotNet.Attributes;

namespace HacaSim.Benchmarks;

/// <summary>
/// The full model in BenchmarkDotNet (one replication, one thread, simulation only), against the bare
/// PriorityQueue loop: Ratio is time / time of the bare loop. Shorter runs than <see cref="ModelHarness"/>
/// (which gives the table's numbers) so that the statistical job stays within minutes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 7)]
public class ModelBenchmarks
{
    private static readonly string Repo = ModelWorkload.FindRepository();
    private readonly MmcWorkload _bare = new(servers: 4, utilisation: 0.9, meanInterarrivalSeconds: 1.0, arrivals: 400_000, seed: 20_250_101);
    private readonly ModelWorkload _mmc = ModelWorkload.Mmc4M(Repo) with { Overrides = ["run.replications=1", "run.duration_s=111111"] };
    private readonly ModelWorkload _baseline = ModelWorkload.Baseline(Repo);
    private readonly ModelWorkload _jsq = ModelWorkload.Jsq10k(Repo) with { };

    [Benchmark(Baseline = true, Description = "bare loop, M/M/4, 400k customers")]
    public double Bare() => PriorityQueueEventLoop.Run(_bare).Checksum;

    [Benchmark(Description = "model, M/M/4, 400k customers")]
    public long Mmc() => _mmc.Run().Requests;

    [Benchmark(Description = "model, baseline.yaml 3600 s")]
    public long Baseline() => _baseline.Run().Requests;

    [Benchmark(Description = "model, 10,000 JSQ nodes, 120 s")]
    public long Jsq() => _jsq.Run().Requests;
}
