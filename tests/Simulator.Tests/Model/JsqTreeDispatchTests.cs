using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// A pool whose dispatcher is JSQ picks from its tournament tree instead of scanning its nodes (issue 19).
/// The same network with the scan (JSQ's rule in a dispatcher the pool does not recognise) must make every
/// decision alike: node faults, TEE-only picks, k-of-n verification and colocated proofs included.
/// </summary>
public class JsqTreeDispatchTests
{
    private sealed class ScanJsq : IDispatcher
    {
        public int Choose(IReadOnlyList<INodeView> candidates) => NodeLoad.IndexOfLeast(candidates, NodeLoad.JobsPerSlot);
    }

    private static ScenarioCatalogs WithScanningJsq()
    {
        ScenarioCatalogs d = ScenarioCatalogs.Default;
        var entries = d.Dispatchers.Entries.Select(e => e.Name == "jsq" ? e with { Create = (_, _) => new ScanJsq() } : e);
        return d with { Dispatchers = new Catalog<IDispatcher>("dispatcher", entries) };
    }

    [TestCase("faults/verifier-churn.yaml", "verification.replication=3")]
    [TestCase("faults/tee-outage.yaml", "arrival_rate=7")]
    [TestCase("hypotheses/h1-merged.yaml", "arrival_rate=9")]
    public void Tree_and_scan_make_the_same_decisions(string scenario, string extra)
    {
        var scenarioFile = ScenarioLoader.Load(RepositoryPaths.Scenario(scenario), ["run.duration_s=4000", extra]).Scenario;
        var tree = Run(scenarioFile, ScenarioCatalogs.Default);
        var scan = Run(scenarioFile, WithScanningJsq());
        Assert.That(tree.Requests, Has.Count.GreaterThan(1000));
        Assert.That(tree.Events, Is.EqualTo(scan.Events));
        Assert.That(tree.Requests, Has.Count.EqualTo(scan.Requests.Count));
        for (int i = 0; i < tree.Requests.Count; i++)
            Assert.That(tree.Requests[i], Is.EqualTo(scan.Requests[i]), $"request {i}");
    }

    private static (long Events, List<string> Requests) Run(Scenario scenario, ScenarioCatalogs catalogs)
    {
        var sink = new Sink();
        var result = new HacaNetwork(scenario, 0, new RandomStreams(scenario.Run.Seed).ForReplication(0), catalogs, sink).Run();
        return (result.EventsFired, sink.Rows);
    }

    private sealed class Sink : IRequestSink
    {
        public List<string> Rows { get; } = [];

        public void Write(Request r) => Rows.Add(FormattableString.Invariant(
            $"{r.Id} {r.Path} {r.Outcome} {r.InferenceNode?.Index} {r.InferenceStartSeconds:R} {r.ProofStartSeconds:R} {r.VerifyStartSeconds:R} {r.FinalSeconds:R}"));
    }
}
