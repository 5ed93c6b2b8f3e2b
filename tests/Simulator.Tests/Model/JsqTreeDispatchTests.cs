using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// A pool whose dispatcher is JSQ picks from its tournament tree (or, up to Pool.JsqScanLimit nodes, from an array of
/// keys kept current) instead of asking the dispatcher to scan its nodes (issue 19).
/// The same network with the scan (JSQ's rule in a dispatcher the pool does not recognise) must make every
/// decision alike: node faults, TEE-only picks, k-of-n verification and colocated proofs included.
/// </summary>
public class JsqTreeDispatchTests
{
    [TestCase("faults/verifier-churn.yaml", "verification.replication=3")]
    [TestCase("faults/tee-outage.yaml", "arrival_rate=7")]
    [TestCase("hypotheses/h1-merged.yaml", "arrival_rate=9")]
    // Past Pool.JsqScanLimit nodes the pool keeps the tournament tree; up to it, an array of keys it scans per pick.
    [TestCase("hypotheses/h1-merged.yaml", "allround_nodes=80")]
    public void Tree_and_scan_make_the_same_decisions(string scenario, string extra)
    {
        var scenarioFile = ScenarioLoader.Load(RepositoryPaths.Scenario(scenario), ["run.duration_s=4000", extra]).Scenario;
        DecisionTrace.AssertIndexMatchesScan(scenarioFile, "jsq", () => new ScanJsq());
    }
}
