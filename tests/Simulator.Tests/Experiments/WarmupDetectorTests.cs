using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Judging;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// MSER-5 on a queue started empty at high load. M/M/1 at rho = 0.95 relaxes to its steady state on the
/// time scale tau = 1 / (mu (1 - sqrt(rho))^2) = 1,560 s (Morse's relaxation time; Cohen, The Single Server
/// Queue, ch. II.2): after 5 tau the bias of the empty start is below exp(-5) < 1% of the initial gap, so a
/// cut beyond 5 tau throws data away. The start is visibly biased (backlog 0 against a steady-state mean of
/// rho / (1 - rho) = 19), so a cut of zero misses it; by the diffusion approximation the mean backlog from
/// empty, about sqrt(2 (lambda + mu) t / pi), reaches 3/4 of 19 after about 160 s, so one MSER batch
/// (5 samples of 60 s = 300 s) is the smallest sensible cut. The detector works on the mean of five pilot
/// replications; a busy queue still wanders on the scale of tau, so the test checks the median over 15
/// seeds lies in [300 s, 5 tau] and that at least two thirds of the cuts are at most 5 tau.
/// </summary>
public class WarmupDetectorTests
{
    private const double Rho = 0.95;
    private static readonly double Tau = 1 / Math.Pow(1 - Math.Sqrt(Rho), 2);

    [Test]
    public void Mser5_cuts_an_empty_start_at_high_load_within_a_few_relaxation_times()
    {
        const double Duration = 40 * 1560.0;
        LoadedScenario loaded = ScenarioLoader.Load(RepositoryPaths.Scenario("validation/mmc.yaml"),
            ["servers=1", $"arrival_rate={Rho}", "service_rate=1", $"run.duration_s={Duration}", "run.warmup_s=0", "run.sample_interval_s=60"]);
        var cuts = new List<double>();
        for (int seed = 1; seed <= 15; seed++)
        {
            Scenario s = loaded.Scenario with { Run = loaded.Scenario.Run with { Seed = (ulong)seed } };
            Scenario pilot = s with { Run = s.Run with { Replications = WarmupDetector.PilotReplications } };
            WarmupDetector.Detection d = WarmupDetector.Detect(ReplicationRunner.Run(pilot, Environment.ProcessorCount, ScenarioCatalogs.Default));
            Assert.That(d.Pool, Is.EqualTo("inference"));
            cuts.Add(d.Seconds);
        }
        cuts.Sort();
        double median = cuts[cuts.Count / 2];
        TestContext.Out.WriteLine($"tau = {Tau:F0} s; cuts (s): {string.Join(", ", cuts)}; median {median} s = {median / Tau:F2} tau");
        Assert.Multiple(() =>
        {
            Assert.That(median, Is.InRange(300, 5 * Tau), "median cut within [one MSER batch, 5 tau]");
            Assert.That(cuts.Count(c => c <= 5 * Tau), Is.GreaterThanOrEqualTo(10), "at least 10 of 15 cuts within 5 tau");
        });
    }
}
