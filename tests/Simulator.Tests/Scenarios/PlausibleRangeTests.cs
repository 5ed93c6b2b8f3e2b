using HacaSim.Scenarios;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// TEE overhead (1.0-3.0), ZK-CRV challenge probability (0-5%) and window (60 s - 7 days) outside their sourced
/// ranges are allowed (exploring past the evidence is a question worth asking) but warned about, with the location.
/// </summary>
public class PlausibleRangeTests
{
    private static IReadOnlyList<string> Warnings(string paths) => ScenarioLoader.LoadText($$$"""
        traffic:
          arrival: {process: poisson, rate: 1}
          classes: [{name: a, inference_s: 0.1, paths: {vanilla: 1}}]
        pools: {inference: {nodes: 1, tee_capable: 1}, verification: {nodes: 1}}
        paths: {{{paths}}}
        """, "t.yaml", []).Warnings;

    [TestCase("{tee: {inference_overhead: 3.5}}", "t.yaml:5:", "paths.tee.inference_overhead", "1.0-3.0")]
    [TestCase("{tee: {inference_overhead: 0.9}}", "t.yaml:5:", "paths.tee.inference_overhead", "1.0-3.0")]
    [TestCase("{zkcrv: {challenge_probability: 0.2}}", "t.yaml:5:", "paths.zkcrv.challenge_probability", "0-0.05")]
    [TestCase("{zkcrv: {challenge_window_s: 30}}", "t.yaml:5:", "paths.zkcrv.challenge_window_s", "60 s - 7 days")]
    [TestCase("{zkcrv: {challenge_window_s: 700000}}", "t.yaml:5:", "paths.zkcrv.challenge_window_s", "60 s - 7 days")]
    public void A_value_outside_its_plausible_range_warns(string paths, params string[] expected)
    {
        var warnings = Warnings(paths);
        Assert.That(warnings, Has.Count.EqualTo(1));
        foreach (string e in expected) Assert.That(warnings[0], Does.Contain(e));
    }

    [TestCase("{tee: {inference_overhead: 1.0}, zkcrv: {challenge_probability: 0, challenge_window_s: 60}}")]
    [TestCase("{tee: {inference_overhead: 3.0}, zkcrv: {challenge_probability: 0.05, challenge_window_s: 604800}}")]
    public void The_range_ends_do_not_warn(string paths) => Assert.That(Warnings(paths), Is.Empty);
}
