using HacaSim.Model;
using HacaSim.Scenarios;
using HacaSim.Tests.Model;

namespace HacaSim.Tests.Policies;

/// <summary>The adaptive policy in a running network whose load builds a prover backlog, then drains it.</summary>
public class AdaptivePolicyModelTests
{
    // Two provers finish 2 proofs/s. 0-300 s: 4 req/s, all wanting ZKML, so the backlog builds; from 300 s,
    // 0.5 req/s, so it drains. "strict" may not go below zkml; "loose" may go down to tee, though the policy
    // would send it to vanilla.
    private const string Scenario = """
        name: onoff
        run: {duration_s: 1200, seed: 5}
        traffic:
          arrival: {process: piecewise, starts_s: [0, 300], rates: [4, 0.5]}
          classes:
            - {name: strict, share: 0.3, inference_s: 0.01, paths: {zkml: 1}, trust_floor: zkml}
            - {name: loose, share: 0.7, inference_s: 0.01, paths: {zkml: 1}, trust_floor: tee}
        pools:
          inference: {nodes: 1, slots: 4, tee_capable: 1}
          prover: {nodes: 2, slots: 1}
          verification: {nodes: 1, slots: 4}
        roles: {prover: prover}
        paths: {zkml: {proof_s: 1}}
        settlement: {mode: instant}
        policy: {name: adaptive, backlog_high: 20, backlog_low: 5, to: vanilla}
        """;

    [Test]
    public void Never_below_the_floor_and_back_to_zkml_once_the_backlog_has_drained()
    {
        var run = ModelRun.Of(Scenario);
        var requests = run.Requests;
        var strict = requests.Where(r => r.Class.Name == "strict").ToList();
        var loose = requests.Where(r => r.Class.Name == "loose").ToList();
        // When the backlog has drained: the last proof of the busy phase is generated (from zkml requests).
        double drained = requests.Where(r => r.ArrivalSeconds < 300 && r.Path == VerificationPath.Zkml).Max(r => r.ProofReadySeconds);
        Assert.Multiple(() =>
        {
            Assert.That(strict.All(r => r.Path == VerificationPath.Zkml), "strict never leaves zkml");
            Assert.That(loose.All(r => r.Path is VerificationPath.Zkml or VerificationPath.Tee), "loose never goes below tee");
            Assert.That(loose.Count(r => r.Path == VerificationPath.Tee && r.ArrivalSeconds < 300), Is.GreaterThan(100), "it did downgrade under load");
            Assert.That(loose.Where(r => r.Path == VerificationPath.Tee).All(r => r.DecisionReason.EndsWith(",floor:tee", StringComparison.Ordinal)));
            Assert.That(strict.Count(r => r.DecisionReason == "floor:zkml"), Is.GreaterThan(10));
            Assert.That(drained, Is.LessThan(400), "the backlog drains soon after the load drops");
            Assert.That(requests.Where(r => r.ArrivalSeconds > drained).All(r => r.Path == VerificationPath.Zkml && r.DecisionReason == "static_mix"),
                "after the backlog drained, every request gets the path it wanted");
            Assert.That(run.Result.Metrics.Downgrades["zkml->tee"], Is.EqualTo(loose.Count(r => r.Path == VerificationPath.Tee)));
            // The backlog hovers between the thresholds instead of growing: the downgrades keep the provers up.
            Assert.That(requests.Where(r => r.Path == VerificationPath.Zkml && r.ArrivalSeconds < 300).Max(r => r.ProofReadySeconds - r.ArrivalSeconds),
                Is.LessThan(30));
        });
    }
}
