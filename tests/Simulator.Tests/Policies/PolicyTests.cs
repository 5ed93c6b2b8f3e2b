using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Policies;

/// <summary>Each path policy alone, on a view whose numbers the test sets.</summary>
public class PolicyTests
{
    private static readonly Catalog<IPathPolicy> Catalog = PathPolicyCatalog.Create();

    private static RequestClass Class(string name, VerificationPath wanted, VerificationPath? floor = null, double? deadline = null) =>
        new(0, name, new FixedCostInference(Distributions.Deterministic(0.01)), 0, deadline,
            new Dictionary<VerificationPath, double> { [wanted] = 1 }, new Random(1)) { TrustFloor = floor, MeanProofWorkSeconds = 5 };

    private static Request Request(RequestClass c, double now = 0)
    {
        var r = new Request(1, c, now);
        if (c.DeadlineSeconds is { } d) r.DeadlineSeconds = now + d;
        return r;
    }

    private static IPathPolicy Policy(string name, params (string Key, object Value)[] parameters) =>
        Catalog.Create(new ComponentSpec(name,
            parameters.Where(p => p.Value is double).ToDictionary(p => p.Key, p => (double)p.Value),
            parameters.Where(p => p.Value is string).ToDictionary(p => p.Key, p => (string)p.Value),
            new Dictionary<string, IReadOnlyList<double>>(), SourceLocation.None), new Random(7));

    [Test]
    public void Adaptive_downgrades_above_the_high_threshold_holds_until_below_the_low_one_and_recovers()
    {
        var policy = Policy("adaptive", ("backlog_high", 20.0), ("backlog_low", 5.0));
        var view = new FakeNetworkView();
        var zk = Class("risk", VerificationPath.Zkml);
        var seen = new List<string>();
        foreach (int backlog in new[] { 0, 20, 21, 15, 6, 5, 4, 10, 19 })
        {
            view.ProofBacklog = backlog;
            PathDecision d = policy.Choose(Request(zk), view);
            seen.Add($"{backlog}:{d.Path.Key()}:{d.Reason}:{d.IsDowngrade}");
        }
        Assert.That(seen, Is.EqualTo(new[]
        {
            "0:zkml:static_mix:False", "20:zkml:static_mix:False",
            "21:tee:downgrade:backlog>20:True", "15:tee:downgrade:backlog>=5(hysteresis):True",
            "6:tee:downgrade:backlog>=5(hysteresis):True", "5:tee:downgrade:backlog>=5(hysteresis):True",
            "4:zkml:static_mix:False", "10:zkml:static_mix:False", "19:zkml:static_mix:False",
        }));
    }

    [Test]
    public void Adaptive_never_goes_below_the_trust_floor()
    {
        var policy = Policy("adaptive", ("backlog_high", 1.0), ("to", "vanilla"), ("floor", "zkcrv"));
        var view = new FakeNetworkView { ProofBacklog = 100 };
        Assert.Multiple(() =>
        {
            // The policy's floor: zkml wants to go to vanilla, stops at zkcrv.
            PathDecision d = policy.Choose(Request(Class("risk", VerificationPath.Zkml)), view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.ZkCrv, "downgrade:backlog>1,floor:zkcrv")));
            // A class's own floor wins over the policy's.
            d = policy.Choose(Request(Class("strict", VerificationPath.Zkml, floor: VerificationPath.Zkml)), view);
            Assert.That((d.Path, d.Reason, d.IsDowngrade), Is.EqualTo((VerificationPath.Zkml, "floor:zkml", false)));
            // Paths that do not need the provers are left alone.
            d = policy.Choose(Request(Class("chat", VerificationPath.Tee)), view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.Tee, "static_mix")));
        });
    }

    [Test]
    public void Adaptive_skips_tee_when_no_node_can_serve_it()
    {
        var policy = Policy("adaptive", ("backlog_high", 1.0));
        var d = policy.Choose(Request(Class("risk", VerificationPath.Zkml)), new FakeNetworkView { ProofBacklog = 5, TeeServed = false });
        Assert.That(d.Path, Is.EqualTo(VerificationPath.Vanilla));
    }

    [Test]
    public void Adaptive_on_predicted_lag_uses_its_own_thresholds()
    {
        var policy = Policy("adaptive", ("lag_high_s", 60.0), ("lag_low_s", 20.0));
        var view = new FakeNetworkView { TimeToTrust = [90, 3, 60, 2] };
        var risk = Class("risk", VerificationPath.Zkml);
        Assert.That(policy.Choose(Request(risk), view).Reason, Is.EqualTo("downgrade:lag>60s"));
        view.TimeToTrust = [30, 3, 60, 2];
        Assert.That(policy.Choose(Request(risk), view).Reason, Is.EqualTo("downgrade:lag>=20s(hysteresis)"));
        view.TimeToTrust = [10, 3, 60, 2];
        Assert.That(policy.Choose(Request(risk), view).Reason, Is.EqualTo("static_mix"));
    }

    [Test]
    public void Slo_takes_the_strongest_path_meeting_the_deadline()
    {
        var policy = Policy("slo");
        var view = new FakeNetworkView { TimeToTrust = [600, 30, 60, 2] };
        Assert.Multiple(() =>
        {
            PathDecision d = policy.Choose(Request(Class("chat", VerificationPath.Vanilla, deadline: 120)), view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.Tee, "slo:tee_meets_deadline")));
            // The fake predicts at most 3 s for every path on an idle network, so zkml would have met the deadline
            // there: load made the policy choose tee, a downgrade.
            Assert.That(d.IsDowngrade, Is.True);
            d = policy.Choose(Request(Class("chat", VerificationPath.Vanilla, deadline: 10)), view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.Vanilla, "slo:vanilla_meets_deadline")));
            d = policy.Choose(Request(Class("chat", VerificationPath.Vanilla, deadline: 1)), view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.Vanilla, "slo:none_meets_deadline,fastest_vanilla")));
            d = policy.Choose(Request(Class("risk", VerificationPath.Vanilla)), view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.Zkml, "slo:no_deadline")));
            d = Policy("slo", ("floor", "tee")).Choose(Request(Class("chat", VerificationPath.Vanilla, deadline: 1)), view);
            Assert.That(d.Path, Is.EqualTo(VerificationPath.Tee), "never below the floor, even when nothing meets the deadline");
        });
    }

    [Test]
    public void Cost_takes_the_cheapest_path_at_or_above_the_floor()
    {
        var view = new FakeNetworkView { Cost = [10, 3, 2.1, 2] };
        var request = Request(Class("chat", VerificationPath.Zkml));
        Assert.Multiple(() =>
        {
            Assert.That(Policy("cost", ("gpu_price", 1.0), ("cpu_price", 1.0)).Choose(request, view).Path, Is.EqualTo(VerificationPath.Vanilla));
            PathDecision d = Policy("cost", ("gpu_price", 1.0), ("cpu_price", 1.0), ("floor", "tee")).Choose(request, view);
            Assert.That((d.Path, d.Reason), Is.EqualTo((VerificationPath.Tee, "cost:cheapest_at_or_above_tee")));
            // Made cheap, the strong path wins.
            view.Cost = [1, 3, 2.1, 2];
            Assert.That(Policy("cost", ("gpu_price", 1.0), ("cpu_price", 0.0)).Choose(request, view).Path, Is.EqualTo(VerificationPath.Zkml));
        });
    }

    [Test]
    public void By_class_maps_each_class_and_falls_back_to_the_default()
    {
        var policy = Policy("by_class", ("risk", "zkml"), ("default", "tee"));
        var view = new FakeNetworkView();
        Assert.That(policy.Choose(Request(Class("risk", VerificationPath.Vanilla)), view), Is.EqualTo(new PathDecision(VerificationPath.Zkml, "by_class:risk")));
        Assert.That(policy.Choose(Request(Class("chat", VerificationPath.Vanilla)), view), Is.EqualTo(new PathDecision(VerificationPath.Tee, "by_class:default")));
    }
}
