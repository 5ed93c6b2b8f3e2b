using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;

namespace HacaSim.Tests.Model;

/// <summary>
/// A central-queue pool of plain nodes dispatching by JSQ finds a node with room in its JSQ tree instead of
/// scanning every node (issue 19). It must make every decision the scan made: the same JSQ rule in a
/// dispatcher class the pool does not recognise (so the pool scans) must give the same requests on the same
/// nodes at the same times, with TEE-only jobs passed over, node faults and overload.
/// </summary>
public class CentralQueueDispatchTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void Tree_and_scan_make_the_same_decisions_on_random_central_pools(int instance)
    {
        var rng = new Random(instance);
        int nodes = rng.Next(1, 150), slots = rng.Next(1, 5), tee = rng.Next(0, nodes + 1);
        double rho = 0.5 + 0.6 * rng.NextDouble(); // up to overload: a long central queue
        double teeShare = tee == 0 ? 0 : 0.3;
        string service = rng.Next(2) == 0 ? "{dist: deterministic, value: 1.0}" : "{dist: exponential, mean: 1.0}";
        string faults = instance % 2 == 0
            ? "faults: {node_failures: {inference: {mtbf_s: {dist: exponential, mean: 300}, mttr_s: {dist: exponential, mean: 30}}}}"
            : "";
        string inv(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string yaml = $$"""
            name: central-jsq-{{instance}}
            run: {duration_s: {{Math.Max(300, 30_000 / nodes)}}, warmup_s: 0, replications: 1, seed: {{instance}}, sample_interval_s: 100}
            traffic:
              arrival: {process: poisson, rate: {{inv(rho * nodes * slots)}}}
              classes:
                - name: job
                  share: 1
                  inference_s: {{service}}
                  paths: {vanilla: {{inv(1 - teeShare)}}{{(teeShare > 0 ? $", tee: {inv(teeShare)}" : "")}}}
            pools:
              inference: {nodes: {{nodes}}, slots: {{slots}}, tee_capable: {{tee}}, dispatcher: jsq, queue: central}
              verification: {nodes: 1, slots: 1}
            roles: {inference: inference, verification: verification, data: inference}
            paths:
              vanilla: {sign_s: 0, verify_s: 0}
              tee: {attest_s: 0, verify_s: 0}
            verification: {replication: 1}
            settlement: {mode: instant}
            network: {hop_latency_s: 0}
            {{faults}}
            """;
        string file = TestScratch.NewPath("central-jsq", ".yaml");
        File.WriteAllText(file, yaml);
        Scenario scenario = ScenarioLoader.Load(file, []).Scenario;
        DecisionTrace.AssertIndexMatchesScan(scenario, "jsq", () => new ScanJsq(), $"{nodes} nodes x {slots} slots, {tee} TEE, rho {rho:F2}");
    }
}
