using System.Globalization;
using System.Reflection;
using HacaSim.Catalog;
using HacaSim.Engine;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// Reusing settled requests for new arrivals (RequestPool) changes nothing: a reused request starts with every field
/// as a new one, and whole runs of shipped scenarios (faults, retries, failures, timeouts, batches, on-chain
/// verification) end every request exactly as runs that never reuse one.
/// </summary>
public class RequestPoolTests
{
    private static readonly RequestClass Chat = new(0, "chat", new FixedCostInference(new DeterministicDistribution(1)), 0, null, new Dictionary<VerificationPath, double>(), new Random(1), null);
    private static readonly RequestClass Other = new(1, "other", new FixedCostInference(new DeterministicDistribution(2)), 0.5, 30, new Dictionary<VerificationPath, double>(), new Random(2), 60);

    [Test]
    public void A_reused_request_has_every_field_of_a_new_one()
    {
        var pool = new RequestPool();
        Request used = pool.Rent(1, Chat, 5);
        Dirty(used);
        used.Outcome = RequestOutcome.Settled;
        pool.Return(used);
        Request reused = pool.Rent(7, Other, 11);
        Assert.That(reused, Is.SameAs(used), "the settled request is reused");
        var fresh = new Request(7, Other, 11);
        foreach (FieldInfo field in Fields())
            Assert.That(field.GetValue(reused), Is.EqualTo(field.GetValue(fresh)), field.Name);
        Assert.That(Fields(), Has.Count.GreaterThan(30), "the fields behind every property are compared");
    }

    [Test]
    public void Only_settled_requests_are_taken_back()
    {
        var pool = new RequestPool();
        Request failed = pool.Rent(1, Chat, 0);
        failed.Outcome = RequestOutcome.Failed;
        Assert.Throws<InvalidOperationException>(() => pool.Return(failed));
        Assert.That(pool.Rent(2, Chat, 0), Is.Not.SameAs(failed));
    }

    [TestCase("baseline.yaml", "run.duration_s=1200")]
    [TestCase("faults/verifier-churn.yaml", "run.duration_s=1500")]
    [TestCase("faults/tee-outage.yaml", "run.duration_s=1500")]
    [TestCase("chain/batching.yaml", "run.duration_s=60;run.warmup_s=10")]
    [TestCase("chain/onchain-vs-offchain.yaml", "run.duration_s=600")]
    [TestCase("tee-gateway.yaml", "run.duration_s=600")]
    public void A_run_that_reuses_settled_requests_ends_every_request_as_one_that_does_not(string scenario, string overrides)
    {
        Scenario s = ScenarioLoader.Load(RepositoryPaths.Scenario(scenario), ["run.replications=1", .. overrides.Split(';')]).Scenario;
        var kept = new FieldTrace(keepsRequests: true);
        var reused = new FieldTrace(keepsRequests: false);
        long keptEvents = new HacaNetwork(s, 0, new RandomStreams(s.Run.Seed).ForReplication(0), ScenarioCatalogs.Default, kept).Run().EventsFired;
        var network = new HacaNetwork(s, 0, new RandomStreams(s.Run.Seed).ForReplication(0), ScenarioCatalogs.Default, reused);
        long reusedEvents = network.Run().EventsFired;
        Assert.That(reused.Distinct, Is.LessThan(reused.Lines.Count / 2), "requests were reused");
        Assert.That(kept.Distinct, Is.EqualTo(kept.Lines.Count), "a sink that keeps requests gets a new object for each");
        Assert.That(reusedEvents, Is.EqualTo(keptEvents));
        Assert.That(reused.Lines, Has.Count.EqualTo(kept.Lines.Count));
        for (int i = 0; i < kept.Lines.Count; i++) Assert.That(reused.Lines[i], Is.EqualTo(kept.Lines[i]), $"request {i}");
    }

    private static readonly FieldInfo[] RequestFields = typeof(Request).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    private static IReadOnlyList<FieldInfo> Fields() => RequestFields;

    /// <summary>Sets every field to something a new request does not have.</summary>
    private static void Dirty(Request r)
    {
        foreach (FieldInfo field in Fields())
        {
            object? value = field.FieldType switch
            {
                Type t when t == typeof(double) => 123.5,
                Type t when t == typeof(int) => 42,
                Type t when t == typeof(long) => 99L,
                Type t when t == typeof(bool) => true,
                Type t when t == typeof(string) => "dirty",
                Type t when t == typeof(VerificationPath) => VerificationPath.Zkml,
                Type t when t == typeof(VerificationPath?) => VerificationPath.Tee,
                Type t when t == typeof(RequestStage) => RequestStage.Verify,
                Type t when t == typeof(RequestOutcome) => RequestOutcome.Failed,
                Type t when t == typeof(EventHandle) => new EventHandle(3, 4),
                Type t when t == typeof(RequestClass) => Chat,
                Type t when t == typeof(Node) => null,
                _ => throw new InvalidOperationException($"Dirty does not know {field.FieldType} ({field.Name}): add it"),
            };
            if (value is not null) field.SetValue(r, value);
        }
    }

    /// <summary>Every field of every request as it ends (copied at once), and how many distinct objects were seen.</summary>
    private sealed class FieldTrace(bool keepsRequests) : IRequestSink
    {
        private readonly HashSet<Request> _objects = new(ReferenceEqualityComparer.Instance);

        public List<string> Lines { get; } = [];
        public int Distinct => _objects.Count;
        public bool KeepsRequests => keepsRequests;

        public void Write(Request r)
        {
            _objects.Add(r);
            Lines.Add(string.Join(" ", Fields().Select(f => f.GetValue(r) switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                Node n => n.Index.ToString(CultureInfo.InvariantCulture),
                RequestClass c => c.Name,
                var v => v?.ToString() ?? "null",
            })));
        }
    }
}
