using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// Every decision one replication made, as text: per request (ended or in flight) its path, outcome, node and
/// stage times, and the number of events fired. Two runs of one scenario that differ only in how a dispatcher
/// finds its pick (an index against the scan it replaces) must leave the same trace.
/// </summary>
internal sealed class DecisionTrace : IRequestSink
{
    public List<string> Requests { get; } = [];
    public long Events { get; private set; }

    public void Write(Request r) => Requests.Add(FormattableString.Invariant(
        $"{r.Id} {r.Path} {r.Outcome} {r.FailureReason} {r.InferenceNode?.Index} {r.InferenceStartSeconds:R} {r.ProofStartSeconds:R} {r.VerifyStartSeconds:R} {r.FinalSeconds:R}"));

    public static DecisionTrace Of(Scenario scenario, ScenarioCatalogs catalogs)
    {
        var trace = new DecisionTrace();
        trace.Events = new HacaNetwork(scenario, 0, new RandomStreams(scenario.Run.Seed).ForReplication(0), catalogs, trace).Run().EventsFired;
        return trace;
    }

    /// <summary>The default catalogs with <paramref name="dispatcher"/> built by <paramref name="create"/> instead.</summary>
    public static ScenarioCatalogs WithDispatcher(string dispatcher, Func<IDispatcher> create)
    {
        ScenarioCatalogs d = ScenarioCatalogs.Default;
        var entries = d.Dispatchers.Entries.Select(e => e.Name == dispatcher ? e with { Create = (_, _) => create() } : e);
        return d with { Dispatchers = new Catalog<IDispatcher>("dispatcher", entries) };
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> with the shipped dispatcher <paramref name="dispatcher"/> (an index) and again with
    /// <paramref name="scanner"/> (the scan it replaces) and asserts that both made the same decisions over more than
    /// 1,000 requests.
    /// </summary>
    public static void AssertIndexMatchesScan(Scenario scenario, string dispatcher, Func<IDispatcher> scanner, string context = "")
    {
        var index = Of(scenario, ScenarioCatalogs.Default);
        var scan = Of(scenario, WithDispatcher(dispatcher, scanner));
        Assert.That(index.Requests, Has.Count.GreaterThan(1000), context);
        AssertSame(index, scan);
    }

    public static void AssertSame(DecisionTrace a, DecisionTrace b)
    {
        Assert.That(a.Events, Is.EqualTo(b.Events));
        Assert.That(a.Requests, Has.Count.EqualTo(b.Requests.Count));
        for (int i = 0; i < a.Requests.Count; i++)
            Assert.That(a.Requests[i], Is.EqualTo(b.Requests[i]), $"request {i}");
    }
}

/// <summary>JoinShortestQueueDispatcher's rule in a class the pool does not recognise, so the pool scans.</summary>
internal sealed class ScanJsq : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates) => NodeLoad.IndexOfLeast(candidates, NodeLoad.JobsPerSlot);
}
