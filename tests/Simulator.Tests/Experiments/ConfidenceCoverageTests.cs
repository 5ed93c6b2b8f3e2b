using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// Do the intervals in summary.json mean what they say? An M/M/1 queue at rho = 0.7 is run with 30
/// replications for 100 independent seeds; the 95% interval of the mean wait must cover the exact
/// Wq = rho / (mu - lambda) in about 95 of 100 runs. With 100 trials the count is binomial(100, 0.95):
/// 88..99 holds with probability > 99.9% for a correct interval, while a real defect (ignoring
/// autocorrelation, a missing warm-up cut) drops coverage far below 88%.
/// </summary>
public class ConfidenceCoverageTests
{
    private const double Lambda = 0.7, Mu = 1.0;

    [Test]
    public void The_95_percent_interval_of_the_mean_wait_covers_the_exact_value_about_95_times_in_100()
    {
        // 2,000 s per replication with 200 s cut: the relaxation time 1/(mu(1-sqrt(rho))^2) is 37.5 s, so the
        // cut is over 5 relaxation times and the bias of the start is far below the interval's width.
        LoadedScenario loaded = ScenarioLoader.Load(RepositoryPaths.Scenario("validation/mmc.yaml"),
            ["servers=1", "arrival_rate=0.7", "service_rate=1", "run.duration_s=2000", "run.warmup_s=200", "run.replications=30"]);
        double exact = Lambda / Mu / (Mu - Lambda);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int covered = 0;
        double relativeWidth = 0;
        const int Seeds = 100;
        for (int seed = 1; seed <= Seeds; seed++)
        {
            Scenario s = loaded.Scenario with { Run = loaded.Scenario.Run with { Seed = (ulong)seed } };
            var reps = ReplicationRunner.Run(s, Environment.ProcessorCount, ScenarioCatalogs.Default);
            var wait = ReplicationStatistics.Merge(reps.Select(r => r.Pools.First(p => p.Name == "inference").Wait))!;
            if (Math.Abs(wait.Mean - exact) <= wait.Ci95!.Value) covered++;
            relativeWidth += wait.Ci95!.Value / exact / Seeds;
        }
        TestContext.Out.WriteLine($"coverage {covered}/{Seeds}, mean half-width {relativeWidth:P1} of Wq = {exact:F4}, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.That(covered, Is.InRange(88, 99));
    }
}
