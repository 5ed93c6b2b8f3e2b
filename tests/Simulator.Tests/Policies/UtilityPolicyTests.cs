using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Tests.Model;

namespace HacaSim.Tests.Policies;

/// <summary>
/// The utility policy: trust value - fee - delay cost x predicted time to trust, per class. With a zero delay cost
/// the choice ignores load (nobody moves); with a large one, clients leave a path as its backlog grows and come back
/// when it drains (the mix follows the delays).
/// </summary>
public class UtilityPolicyTests
{
    private static readonly Catalog<IPathPolicy> Catalog = PathPolicyCatalog.Create();

    private static RequestClass Class(VerificationPath? floor = null, IReadOnlyDictionary<VerificationPath, double>? values = null, double? delayCost = null) =>
        new(0, "c", new FixedCostInference(Distributions.Deterministic(0.01)), 0, null,
            new Dictionary<VerificationPath, double> { [VerificationPath.Zkml] = 1 }, new Random(1))
        {
            TrustFloor = floor, MeanProofWorkSeconds = 5, TrustValueUsd = values, DelayCostUsdPerSecond = delayCost,
        };

    private static IPathPolicy Utility(double delayCost, params (string Key, object Value)[] more) =>
        Catalog.Create(new ComponentSpec("utility",
            new Dictionary<string, double> { ["value_zkml"] = 1.0, ["value_tee"] = 0.9, ["value_zkcrv"] = 0.5, ["value_vanilla"] = 0, ["delay_cost_per_s"] = delayCost }
                .Concat(more.Where(m => m.Value is double).Select(m => KeyValuePair.Create(m.Key, (double)m.Value))).ToDictionary(),
            more.Where(m => m.Value is string).ToDictionary(m => m.Key, m => (string)m.Value),
            new Dictionary<string, IReadOnlyList<double>>(), SourceLocation.None), new Random(7));

    [Test]
    public void Without_a_delay_cost_the_choice_ignores_the_backlog()
    {
        var quiet = new FakeNetworkView { TimeToTrust = [3, 3, 60, 2] };
        var jammed = new FakeNetworkView { TimeToTrust = [5000, 3, 60, 2] };
        var policy = Utility(0);
        var request = new Request(1, Class(), 0);
        Assert.Multiple(() =>
        {
            Assert.That(policy.Choose(request, quiet), Is.EqualTo(new PathDecision(VerificationPath.Zkml, "utility:best_zkml", VerificationPath.Zkml)));
            Assert.That(policy.Choose(request, jammed).Path, Is.EqualTo(VerificationPath.Zkml));
            Assert.That(policy.Choose(request, jammed).IsDowngrade, Is.False);
        });
    }

    [Test]
    public void A_delay_cost_moves_clients_off_a_slow_path_by_exactly_the_value_difference()
    {
        // zkml is worth 0.1 more than tee: at 0.01 $/s the client switches once zkml is predicted more than 10 s slower.
        var policy = Utility(0.01);
        var request = new Request(1, Class(), 0);
        var nine = new FakeNetworkView { TimeToTrust = [12.9, 3, 600, 600] };
        var eleven = new FakeNetworkView { TimeToTrust = [13.1, 3, 600, 600] };
        Assert.Multiple(() =>
        {
            Assert.That(policy.Choose(request, nine).Path, Is.EqualTo(VerificationPath.Zkml));
            PathDecision moved = policy.Choose(request, eleven);
            Assert.That(moved.Path, Is.EqualTo(VerificationPath.Tee));
            Assert.That(moved.IsDowngrade, Is.True, "on an idle network (3 s everywhere) the client would take zkml");
        });
    }

    [Test]
    public void Fees_the_floor_and_the_class_parameters_count()
    {
        var view = new FakeNetworkView { TimeToTrust = [3, 3, 3, 3], Fee = [0.2, 0, 0, 0] };
        var request = new Request(1, Class(), 0);
        Assert.Multiple(() =>
        {
            // A 0.2 $ proof fee makes zkml (1.0 - 0.2) worse than tee (0.9).
            Assert.That(Utility(0).Choose(request, view).Path, Is.EqualTo(VerificationPath.Tee));
            // The class values zkml above everything: its own trust_value wins over the policy's.
            var keen = new Request(1, Class(values: new Dictionary<VerificationPath, double>
                { [VerificationPath.Zkml] = 5, [VerificationPath.Tee] = 0, [VerificationPath.ZkCrv] = 0, [VerificationPath.Vanilla] = 0 }), 0);
            Assert.That(Utility(0).Choose(keen, view).Path, Is.EqualTo(VerificationPath.Zkml));
            // A huge class delay cost with vanilla fastest, but a floor at zkcrv: zkcrv is as low as it may go.
            var hurried = new Request(1, Class(floor: VerificationPath.ZkCrv, delayCost: 100), 0);
            var slow = new FakeNetworkView { TimeToTrust = [50, 40, 30, 2] };
            Assert.That(Utility(0).Choose(hurried, slow).Path, Is.EqualTo(VerificationPath.ZkCrv));
            Assert.That(Utility(0, ("floor", "tee")).Choose(new Request(1, Class(delayCost: 100), 0), slow).Path, Is.EqualTo(VerificationPath.Tee));
        });
    }

    // Two provers finish 2 proofs/s. 0-300 s: 4 req/s, so a ZKML backlog builds if every client stays on zkml; from
    // 300 s, 0.5 req/s. TEE costs a little more compute but no proof; values: zkml 1.0, tee 0.9 (dollars per request).
    private static string OnOff(double delayCost) => """
        name: onoff
        run: {duration_s: 900, seed: 5}
        traffic:
          arrival: {process: piecewise, starts_s: [0, 300], rates: [4, 0.5]}
          classes:
            - {name: client, inference_s: 0.01, paths: {zkml: 1}, trust_value: {zkml: 1.0, tee: 0.9, zkcrv: 0.5, vanilla: 0}, delay_cost_per_s: DELAY}
        pools:
          inference: {nodes: 1, slots: 4, tee_capable: 1}
          prover: {nodes: 2, slots: 1}
          verification: {nodes: 1, slots: 4}
        roles: {prover: prover}
        paths: {zkml: {proof_s: 1}}
        settlement: {mode: instant}
        policy: {name: utility}
        costs: {gpu_hour: 1.3, cpu_hour: 0.1}
        """.Replace("DELAY", delayCost.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void In_a_running_network_a_zero_delay_cost_moves_nobody_while_the_backlog_grows()
    {
        var run = ModelRun.Of(OnOff(0));
        var requests = run.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests.All(r => r.Path == VerificationPath.Zkml), "every client stays on zkml");
            Assert.That(run.Result.Metrics.Downgrades.Values.Sum(), Is.Zero);
            // The load was there: proofs fell far behind during the busy phase.
            Assert.That(requests.Where(r => r.ArrivalSeconds < 300).Max(r => r.ProofReadySeconds - r.ArrivalSeconds), Is.GreaterThan(100));
        });
    }

    [Test]
    public void In_a_running_network_a_large_delay_cost_makes_the_mix_follow_the_delays()
    {
        // 0.05 $/s: a client leaves zkml once its predicted time to trust exceeds tee's by 2 s (0.1 $ of value).
        var run = ModelRun.Of(OnOff(0.05));
        var requests = run.Requests;
        var busy = requests.Where(r => r.ArrivalSeconds is > 30 and < 300).ToList();
        var late = requests.Where(r => r.ArrivalSeconds > 600).ToList();
        double BusyTee() => (double)busy.Count(r => r.Path == VerificationPath.Tee) / busy.Count;
        double LateTee() => (double)late.Count(r => r.Path == VerificationPath.Tee) / late.Count;
        TestContext.Out.WriteLine($"tee share: busy {BusyTee():0.000} of {busy.Count}, late {LateTee():0.000} of {late.Count}; zkml max lag {requests.Where(r => r.Path == VerificationPath.Zkml).Max(r => r.ProofReadySeconds - r.ArrivalSeconds):0.0} s");
        Assert.Multiple(() =>
        {
            // Under load, clients split so that zkml's delay stays near the 2 s break-even: the two provers (2 proofs/s of
            // the 4 req/s) stay busy but keep up, so zkml's share is at most 1/2 (plus 3 binomial standard deviations,
            // 0.046 over ~1,000 requests) and not much less (clients stay while the wait is short).
            double zkml = 1 - BusyTee();
            Assert.That(zkml, Is.InRange(0.40, 0.546), "zkml share under load");
            Assert.That(requests.Where(r => r.Path == VerificationPath.Zkml).Max(r => r.ProofReadySeconds - r.ArrivalSeconds), Is.LessThan(30));
            // Once the load has gone, so has the delay: back on zkml (a client arriving while a proof runs may still move).
            Assert.That(LateTee(), Is.LessThan(0.05), "back on zkml when the backlog is gone");
            Assert.That(run.Result.Metrics.Downgrades.GetValueOrDefault("zkml->tee"), Is.GreaterThan(0), "moves under load count as downgrades");
        });
    }

    [Test]
    public void Its_class_keys_are_refused_under_another_policy_and_bad_values_are_named()
    {
        string other = OnOff(0.05).Replace("policy: {name: utility}", "policy: {name: slo}", StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => HacaSim.Scenarios.ScenarioLoader.LoadText(other, "t.yaml", []));
        Assert.That(e!.Message, Does.Contain("traffic.classes[0].trust_value").And.Contain("applies only with policy: {name: utility}"));
        string negative = OnOff(0.05).Replace("zkml: 1.0, tee: 0.9", "zkml: -1, tee: 0.9", StringComparison.Ordinal);
        e = Assert.Throws<InputException>(() => HacaSim.Scenarios.ScenarioLoader.LoadText(negative, "t.yaml", []));
        Assert.That(e!.Message, Does.Contain("trust_value.zkml"));
        string typo = OnOff(0.05).Replace("zkcrv: 0.5", "zkcvr: 0.5", StringComparison.Ordinal);
        Assert.Throws<InputException>(() => HacaSim.Scenarios.ScenarioLoader.LoadText(typo, "t.yaml", []));
    }
}
