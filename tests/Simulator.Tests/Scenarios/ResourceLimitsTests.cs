using System.Diagnostics;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// Absurd but valid values: each is refused at load with exit 2, a message naming the field, what it would cost
/// and the limit, quickly, and without creating a results directory. Values just inside the limits still load.
/// </summary>
// Wall-clock limits: run alone, not beside another fixture.
[NonParallelizable]
public class ResourceLimitsTests
{
    // The old baseline (dedicated provers): the messages below quote its numbers.
    private static string Baseline => RepositoryPaths.Scenario("dedicated-provers.yaml");

    /// <summary>A refusal from an estimate takes ~0.2 s on a quiet machine; trying any of these values would take hours.</summary>
    private static readonly TimeSpan RefusalLimit = TimeSpan.FromSeconds(5);

    [TestCase("pools.inference.nodes=1000000000", "pools.inference.nodes: 1,000,000,", "at most 1,000,000 nodes in all pools")]
    [TestCase("pools.inference.slots=1000000000", "pools.inference.slots: 8,000,000,080 slots in all pools (nodes x slots)", "at most 100,000,000")]
    [TestCase("pools.inference.queue_capacity=2000000000", "pools.inference.queue_capacity: 2,000,000,000 waiting places", "at most 1,000,000,000")]
    [TestCase("arrival_rate=1e9", "traffic.arrival: ~3,600,000,000,000 arrivals expected", "at most 10,000,000 per replication")]
    [TestCase("run.duration_s=1e12", "run.duration_s: 1000000000000 s", "at most 1e9 s")]
    [TestCase("run.replications=1000000000", "run.replications: 1,000,000,000 replications", "at most 1,000")]
    [TestCase("run.sample_interval_s=0.000001", "run.sample_interval_s: 3600 s / sample_interval_s 1E-06 s gives 32,400,000,009 time-series rows", "at most 5,000,000")]
    [TestCase("verification.replication=all", "", "")] // control: the baseline itself is fine
    [TestCase("run.duration_s=1e9;run.sample_interval_s=1e6;arrival_rate=0.001", "settlement.block_interval_s: ~514,001,001 events expected", "at most 300,000,000")]
    [TestCase("pools.inference.speed=1e-320", "pools.inference.speed: inference of class chat would take", "at most 1e9 s")]
    [TestCase("zkml_overhead=1e308", "paths.zkml.proof_overhead: a ZKML proof for class risk-score would take proof_overhead 1e308", "at most 1e9 s")]
    [TestCase("settlement.consensus_per_validator_s=1e308", "settlement.consensus_per_validator_s: consensus would take", "at most 1e9 s")]
    /// <param name="set">--set overrides, separated by ';'.</param>
    public void An_absurd_value_is_refused_with_its_cost_and_limit(string set, string expected, string limit)
    {
        string outDir = TestScratch.NewPath("hacasim-limits");
        string[] args = ["run", Baseline, .. set.Split(';').SelectMany(s => new[] { "--set", s }), "--out", outDir, "--quiet"];
        var clock = Stopwatch.StartNew();
        var run = CliRun.Execute(args);
        TimeSpan elapsed = clock.Elapsed;
        if (expected.Length > 0 && elapsed >= RefusalLimit && !Directory.Exists(outDir))
        {
            // Slow once: the tests share a 2-core machine with builds, and a refusal (~0.2 s quiet) has taken 5 s under load.
            // Trying the absurd run would take hours, so it is slow again; the machine's load seldom is.
            clock.Restart();
            run = CliRun.Execute(args);
            elapsed = clock.Elapsed;
        }
        if (expected.Length == 0)
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Directory.Delete(outDir, recursive: true);
            return;
        }
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
            Assert.That(run.Stderr, Does.Contain(expected).And.Contain(limit));
            Assert.That(run.Stderr, Does.Not.Contain("   at "));
            Assert.That(Directory.Exists(outDir), Is.False, "refused before any output");
            Assert.That(elapsed, Is.LessThan(RefusalLimit), "refused from an estimate, not by trying (twice, if slow once)");
        });
    }

    [Test]
    public void The_readme_states_the_limits_in_force()
    {
        string readme = File.ReadAllText(RepositoryPaths.Scenario("README.md"));
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        foreach (long limit in new[] { ResourceLimits.MaxNodes, ResourceLimits.MaxSlots, ResourceLimits.MaxQueueCapacity, ResourceLimits.MaxReplications,
                     ResourceLimits.MaxArrivalsPerReplication, ResourceLimits.MaxEvents, ResourceLimits.MaxTimeSeriesRows })
            Assert.That(readme, Does.Contain($"| {limit.ToString("N0", ci)} |"), "Scenarios/README.md, Limits");
        Assert.That(ResourceLimits.MaxDurationSeconds, Is.EqualTo(1e9));
        Assert.That(TimeLimits.MaxMeanSeconds, Is.EqualTo(1e9));
        Assert.That(readme, Does.Contain("| 1e9 s (31 years) |"));
    }

    [Test]
    public void A_pool_of_100000_nodes_and_a_verifier_is_accepted()
    {
        // Issue 19: the old limit (10,000 in all pools) refused a 10,000-node pool plus one verifier.
        string yaml = """
            name: t
            run: {duration_s: 60, warmup_s: 10}
            traffic:
              arrival: {process: poisson, rate: 5000}
              classes: [{name: job, inference_s: 0.1}]
            pools:
              inference: {nodes: 100000, slots: 1, dispatcher: jsq}
              verification: {nodes: 1, slots: 1}
            """;
        Assert.That(ScenarioLoader.LoadText(yaml, "t.yaml", []).Scenario.Pools["inference"].Nodes, Is.EqualTo(100_000));
    }

    [Test]
    public void A_limit_points_at_the_line_of_the_field()
    {
        string yaml = """
            name: t
            run: {duration_s: 3600}
            traffic:
              arrival: {process: poisson, rate: 1}
              classes: [{name: job, inference_s: 0.1}]
            pools:
              inference: {nodes: 2, slots: 1}
              verification:
                nodes: 1000000000
            """;
        var e = Assert.Throws<InputException>(() => ScenarioLoader.LoadText(yaml, "t.yaml", []));
        Assert.That(e!.Message, Does.StartWith("t.yaml:9:12: pools.verification.nodes: 1,000,000,002 nodes in all pools need ~3 TB of memory"));
        Assert.That(e.Message, Does.Contain("at most 1,000,000 nodes in all pools (HACA-sim keeps one object per node)"));
    }

    [Test]
    public void An_uncapped_ramp_or_a_trace_is_counted_not_multiplied()
    {
        // No long-run mean rate: the expected arrivals are the rate's integral over the run (a trace's rows are counted).
        // Here 100 steps of 10 s at 1 + 1000 k per second: 10 x (100 + 1000 x 4950) = 49,501,000.
        string ramp = """
            name: t
            run: {duration_s: 1000}
            traffic:
              arrival: {process: ramp, start_rate: 1, step_rate: 1000, step_s: 10}
              classes: [{name: job, inference_s: 0.001}]
            pools:
              inference: {nodes: 2, slots: 1}
              verification: {nodes: 1}
            """;
        var e = Assert.Throws<InputException>(() => ScenarioLoader.LoadText(ramp, "t.yaml", []));
        Assert.That(e!.Message, Does.Contain("traffic.arrival: ~49,501,000 arrivals expected per replication"));
        Assert.DoesNotThrow(() => ScenarioLoader.LoadText(ramp.Replace("step_rate: 1000", "step_rate: 1", StringComparison.Ordinal), "t.yaml", []));
    }

    /// <summary>FsCheck: for any node count and rate, a scenario loads exactly when it is within the node and arrival limits.</summary>
#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool A_scenario_loads_exactly_when_it_is_within_the_limits(ushort nodesSeed, byte rateExponent)
#pragma warning restore NUnit1027
    {
        long nodes = 1 + nodesSeed % 20_000;
        double rate = Math.Pow(10, rateExponent % 9 - 2); // 0.01 to 1e6 per second
        string yaml = $"""
            name: t
            run: {'{'}duration_s: 100, replications: 1{'}'}
            traffic:
              arrival: {'{'}process: poisson, rate: {rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}{'}'}
              classes: [{'{'}name: job, inference_s: 0.1, paths: {'{'}vanilla: 1{'}'}{'}'}]
            pools:
              inference: {'{'}nodes: {nodes}, slots: 1{'}'}
              verification: {'{'}nodes: 1{'}'}
            verification: {'{'}replication: 1{'}'}
            """;
        double arrivals = rate * 100;
        bool within = nodes + 1 <= ResourceLimits.MaxNodes && arrivals <= ResourceLimits.MaxArrivalsPerReplication
            && arrivals * 7 + 100 / 2.0 + 361 <= ResourceLimits.MaxEvents;
        try
        {
            ScenarioLoader.LoadText(yaml, "t.yaml", []);
            return within;
        }
        catch (InputException e)
        {
            return !within && e.Message.Contains("at most", StringComparison.Ordinal);
        }
    }
}
