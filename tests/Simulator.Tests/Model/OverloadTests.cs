using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

public class OverloadTests
{
    [Test]
    public void Past_the_waiting_cap_an_overloaded_pool_counts_requests_instead_of_keeping_them()
    {
        // M/M/4 at rho = 3: the queue would grow by 8 per second for ever.
        Scenario scenario = ScenarioLoader.Load(RepositoryPaths.Scenario("validation/mmc.yaml"),
            ["arrival_rate=12", "run.replications=1", "run.duration_s=2000", "run.warmup_s=0", "run.max_waiting=500"]).Scenario;
        var network = new HacaNetwork(scenario, 0, new RandomStreams(1).ForReplication(0), ScenarioCatalogs.Default);
        var inference = network.Pools.Inference;
        int maxWaiting = 0;
        network.Simulation.ScheduleAt(0, Probe);
        var result = network.Run();
        Assert.Multiple(() =>
        {
            Assert.That(maxWaiting, Is.LessThanOrEqualTo(500), "the pool never keeps more than the cap");
            // About 12 x 2000 arrivals, 4 x 2000 served, 500 kept: the rest are counted.
            Assert.That(result.Metrics.Overflow["inference"], Is.EqualTo(12 * 2000 - 4 * 2000 - 500).Within(600));
            Assert.That(result.Metrics.Settled + result.Metrics.Failed + result.Metrics.InFlight, Is.EqualTo(result.Metrics.Arrived));
            // Pinned at the cap its backlog looks flat, but it is overloaded: unstable, growing ~8 jobs/s (12 - 4).
            var stability = result.Pools.Single(p => p.Name == "inference").Stability;
            Assert.That(stability.Stable, Is.False);
            Assert.That(stability.GrowthPerSecond, Is.EqualTo(8).Within(1.5));
        });

        void Probe(object? _)
        {
            maxWaiting = Math.Max(maxWaiting, inference.Waiting);
            if (network.Simulation.Now < 2000) network.Simulation.Schedule(1, Probe);
        }
    }
}
