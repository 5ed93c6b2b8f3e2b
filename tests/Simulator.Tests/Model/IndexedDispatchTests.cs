using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// Least work left and round robin pick without scanning every node (issue 19): a pool whose dispatcher is
/// lwl picks from <see cref="LeastWorkIndex"/>, round robin searches its candidates. Each must make every
/// decision the scan it replaces made (the rules as they were, in dispatchers the pool does not recognise):
/// same requests, same nodes, same times, on networks with faults, TEE-only picks, k-of-n verification,
/// batching nodes, many nodes, several slots and deterministic service times (exact ties in work left).
/// </summary>
public class IndexedDispatchTests
{
    // LeastWorkLeftDispatcher's rule, in a class the pool does not recognise: it scans.
    private sealed class ScanLwl : IDispatcher
    {
        public int Choose(IReadOnlyList<INodeView> candidates) => NodeLoad.IndexOfLeast(candidates, n => n.WorkLeftSeconds / n.Slots);
    }

    // Round robin as it was before the binary search: the least forward distance from the cursor, in any order.
    private sealed class ScanRoundRobin : IDispatcher
    {
        private int _next;

        public int Choose(IReadOnlyList<INodeView> candidates)
        {
            int best = 0, bestDistance = int.MaxValue;
            for (int i = 0; i < candidates.Count; i++)
            {
                int distance = candidates[i].Index - _next;
                if (distance < 0) distance += int.MaxValue / 2;
                if (distance < bestDistance) (best, bestDistance) = (i, distance);
            }
            _next = candidates[best].Index + 1;
            return best;
        }
    }

    private static readonly string[] Shipped =
    [
        "faults/verifier-churn.yaml|verification.replication=3",
        "faults/tee-outage.yaml|arrival_rate=7",
        "hypotheses/h1-merged.yaml|arrival_rate=9",
        "baseline.yaml|arrival_rate=9",
        "dedicated-provers.yaml|arrival_rate=9",
    ];

    [TestCaseSource(nameof(Shipped))]
    public void Lwl_index_and_scan_make_the_same_decisions_on_shipped_networks(string scenarioAndSet) =>
        SameDecisions(scenarioAndSet, "lwl", () => new ScanLwl());

    [TestCaseSource(nameof(Shipped))]
    public void Round_robin_search_and_scan_make_the_same_decisions_on_shipped_networks(string scenarioAndSet) =>
        SameDecisions(scenarioAndSet, "round_robin", () => new ScanRoundRobin());

    // Random instances: pool size, slots, load and service distribution drawn from a seeded generator.
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void Lwl_index_and_scan_make_the_same_decisions_on_random_pools(int instance)
    {
        var rng = new Random(instance);
        int nodes = rng.Next(1, 200), slots = rng.Next(1, 5);
        double rho = 0.5 + 0.6 * rng.NextDouble(); // up to overload: long queues and large work sums
        string service = rng.Next(3) switch
        {
            0 => "{dist: deterministic, value: 1.0}", // exact ties between nodes' work left
            1 => "{dist: exponential, mean: 1.0}",
            _ => "{dist: lognormal, mean: 1.0, cv: 3}",
        };
        string yaml = $$"""
            name: lwl-random-{{instance}}
            run: {duration_s: {{Math.Max(200, 20_000 / nodes)}}, warmup_s: 0, replications: 1, seed: {{instance}}, sample_interval_s: 100}
            traffic:
              arrival: {process: poisson, rate: {{(rho * nodes * slots).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}
              classes:
                - name: job
                  share: 1
                  inference_s: {{service}}
                  paths: {vanilla: 1}
            pools:
              inference: {nodes: {{nodes}}, slots: {{slots}}, dispatcher: lwl}
              verification: {nodes: 1, slots: 1}
            roles: {inference: inference, verification: verification, data: inference}
            paths:
              vanilla: {sign_s: 0, verify_s: 0}
            verification: {replication: 1}
            settlement: {mode: instant}
            network: {hop_latency_s: 0}
            """;
        string file = TestScratch.NewPath("lwl-random", ".yaml");
        File.WriteAllText(file, yaml);
        Scenario scenario = ScenarioLoader.Load(file, []).Scenario;
        DecisionTrace.AssertIndexMatchesScan(scenario, "lwl", () => new ScanLwl(), $"{nodes} nodes x {slots} slots, rho {rho:F2}, {service}");
    }

    private static void SameDecisions(string scenarioAndSet, string dispatcher, Func<IDispatcher> scanner)
    {
        string[] parts = scenarioAndSet.Split('|');
        var sets = new List<string> { "run.duration_s=4000", parts[1] };
        foreach (string pool in new[] { "inference", "verification", "data", "prover" })
            sets.Add($"pools.{pool}.dispatcher={dispatcher}");
        Scenario scenario = ScenarioLoader.Load(RepositoryPaths.Scenario(parts[0]), [.. sets.Where(s => HasPool(parts[0], s))]).Scenario;
        DecisionTrace.AssertIndexMatchesScan(scenario, dispatcher, scanner);
    }

    // A pool override only for pools the scenario has (an unknown pool is an input error).
    private static bool HasPool(string scenario, string set) =>
        !set.StartsWith("pools.", StringComparison.Ordinal)
        || File.ReadAllText(RepositoryPaths.Scenario(scenario)).Contains($"  {set.Split('.')[1]}:", StringComparison.Ordinal);
}
