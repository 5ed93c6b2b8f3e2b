using System.Globalization;
using System.Reflection;
using HacaSim.Catalog;
using HacaSim.Policies;
using HacaSim.Engine;
using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// The lifecycle's zero-delay hand-offs run in place (Simulation.TryContinueNow) change nothing: whole runs end every
/// request with the same fields, in the same order, with the same events counted and the same statistics, as runs that
/// put every hand-off on the calendar; including runs with exact ties (deterministic arrivals and services, several
/// completions at one instant), faults and fallbacks, and chain settlement.
/// </summary>
public class ContinuationModelTests
{
    [TestCase("validation/mmc.yaml", "run.duration_s=3000;run.warmup_s=500")]
    [TestCase("baseline.yaml", "run.duration_s=1200")]
    [TestCase("faults/verifier-churn.yaml", "run.duration_s=1500")]
    [TestCase("faults/tee-outage.yaml", "run.duration_s=1500")]
    [TestCase("chain/batching.yaml", "run.duration_s=60;run.warmup_s=10")]
    [TestCase("chain/onchain-vs-offchain.yaml", "run.duration_s=600")]
    [TestCase("dedicated-provers.yaml", "run.duration_s=600")]
    [TestCase("tee-gateway.yaml", "run.duration_s=600")]
    public void Shipped_scenarios_end_every_request_as_with_every_hand_off_on_the_calendar(string scenario, string overrides)
    {
        Scenario s = ScenarioLoader.Load(RepositoryPaths.Scenario(scenario), ["run.replications=1", .. overrides.Split(';')]).Scenario;
        Compare(s);
    }

    /// <summary>
    /// Ties everywhere: two classes with deterministic arrivals at the same instants, deterministic inference on two slots
    /// (both complete at one instant, and at the instant of the next arrivals), zero-cost signing, hops and verification.
    /// </summary>
    [Test]
    public void Exact_ties_end_every_request_as_with_every_hand_off_on_the_calendar()
    {
        const string yaml = """
            run: {duration_s: 400, warmup_s: 50, seed: 3, sample_interval_s: 10}
            traffic:
              classes:
                - {name: a, share: 1, arrival: {process: deterministic, rate: 1}, inference_s: {dist: deterministic, value: 2}, paths: {vanilla: 1}}
                - {name: b, share: 1, arrival: {process: deterministic, rate: 1}, inference_s: {dist: deterministic, value: 1}, paths: {vanilla: 1}}
            pools:
              inference: {nodes: 2, slots: 2}
              verification: {nodes: 2, slots: 1}
            roles: {inference: inference, verification: verification, data: inference}
            paths:
              vanilla: {sign_s: 0, verify_s: {dist: deterministic, value: 0.5}}
            verification: {replication: 2}
            settlement: {mode: instant}
            network: {hop_latency_s: 0}
            """;
        Compare(ScenarioLoader.LoadText(yaml, "ties.yaml", []).Scenario);
    }

    private static void Compare(Scenario s)
    {
        var calendar = new FieldTrace();
        var inPlace = new FieldTrace();
        ReplicationResult a = new HacaNetwork(s, 0, new RandomStreams(s.Run.Seed).ForReplication(0), ScenarioCatalogs.Default, calendar, continuations: false).Run();
        ReplicationResult b = new HacaNetwork(s, 0, new RandomStreams(s.Run.Seed).ForReplication(0), ScenarioCatalogs.Default, inPlace, continuations: true).Run();
        Assert.That(calendar.Lines, Is.Not.Empty);
        Assert.That(b.EventsFired, Is.EqualTo(a.EventsFired));
        Assert.That(inPlace.Lines, Has.Count.EqualTo(calendar.Lines.Count));
        for (int i = 0; i < calendar.Lines.Count; i++) Assert.That(inPlace.Lines[i], Is.EqualTo(calendar.Lines[i]), $"request {i}");
        Assert.That(Statistics(b), Is.EqualTo(Statistics(a)));
    }

    private static List<string> Statistics(ReplicationResult r)
    {
        var lines = new List<string>();
        foreach (VerificationPath p in VerificationPaths.All)
        {
            PathMetrics m = r.Metrics.Path(p);
            lines.Add($"{p} {m.Count} {Moments(m.ResultLatency)} {Moments(m.ProofLag)} {Moments(m.TimeToTrust)}");
        }
        foreach (ClassMetrics c in r.Metrics.Classes) lines.Add($"class {c.Count} {c.Settled} {Moments(c.TimeToTrust)}");
        lines.Add($"{r.Metrics.Arrived} {r.Metrics.Settled} {r.Metrics.Failed}");
        lines.AddRange(r.TimeSeries.Select(row => row.ToString()));
        return lines;
    }

    private static string Moments(HacaSim.Analysis.Statistics.SampleStatistic x) =>
        string.Create(CultureInfo.InvariantCulture, $"{x.Count} {x.Mean:R} {x.Variance:R} {x.Min:R} {x.Max:R} {x.Quantile(0.5):R} {x.Quantile(0.99):R}");

    // Every field of a request as it ends, but its timeout's handle: which calendar slot an event used is not an output,
    // and with fewer events on the calendar the slots are handed out differently.
    private static readonly FieldInfo[] RequestFields = typeof(Request).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        .Where(f => f.FieldType != typeof(EventHandle)).ToArray();

    private sealed class FieldTrace : IRequestSink
    {
        public List<string> Lines { get; } = [];
        public bool KeepsRequests => false;

        public void Write(Request r) => Lines.Add(string.Join(" ", RequestFields.Select(f => f.GetValue(r) switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            Node n => n.Index.ToString(CultureInfo.InvariantCulture),
            RequestClass c => c.Name,
            var v => v?.ToString() ?? "null",
        })));
    }
}
