using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// Issue 19: once a network has run long enough for its pools of requests and events and its histograms to reach their
/// size, simulating further allocates nothing: every arrival reuses a settled request. Anything allocated per arrival
/// (a boxed enumerator of the class list: ~40 bytes, one per request, until 2026-11-30) would grow the process's garbage
/// with the run's length and collect it on both workers' time.
/// </summary>
public class SteadyStateAllocationTests
{
    [Test]
    public void The_baseline_network_allocates_nothing_per_request_once_warm()
    {
        // Time series sampled once a day: its rows are the one thing a run keeps per unit of simulated time, by design.
        Scenario scenario = ScenarioLoader.Load(RepositoryPaths.Scenario("baseline.yaml"),
            ["run.duration_s=1000000", "run.sample_interval_s=86400"]).Scenario;
        var network = new HacaNetwork(scenario, 0, new RandomStreams(1).ForReplication(0), ScenarioCatalogs.Default);
        double until = 20_000; // ~110,000 requests: pools and histograms at their size
        network.Simulation.Run(until);
        long arrivedBefore = network.Metrics.Arrived;
        long allocated = SteadyStateAllocation.FewestBytes(() => network.Simulation.Run(until += 2_000));
        long arrived = network.Metrics.Arrived - arrivedBefore;
        Assert.That(arrived, Is.GreaterThan(10_000), "requests in the measured windows");
        Assert.That(allocated, Is.Zero, $"bytes allocated in a window of 2,000 simulated seconds ({arrived} requests in all windows)");
    }
}
