using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// Each proof system of Scenarios/profiles/proof-systems.yaml reproduces every figure it cites within 10%,
/// and a model that names one takes its proof and verification times from it.
/// </summary>
public class ProofSystemTests
{
    private const double Tolerance = 0.10;

    public static IEnumerable<TestCaseData> Systems() =>
        ProofSystemCatalog.All().Select(s => new TestCaseData(s.Name).SetName($"ProofSystem_{s.Name}_reproduces_its_cited_points"));

    [Test]
    public void The_catalogue_has_at_least_five_systems_each_with_cited_points()
    {
        var all = ProofSystemCatalog.All();
        Assert.That(all, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(all.Select(s => s.Name), Is.Unique);
        Assert.That(all, Has.All.Matches<ProofSystem>(s => s.Points.Count > 0 && s.Points.All(p => p.Source.Length > 0)));
    }

    [TestCaseSource(nameof(Systems))]
    public void Every_law_passes_within_10_percent_of_its_cited_points(string name)
    {
        ProofSystem s = ProofSystemCatalog.All().Single(x => x.Name == name);
        Assert.Multiple(() =>
        {
            foreach (ProofSystemPoint p in s.Points)
            {
                Assert.That(s.Fits(p.Parameters), $"{p.Source}: {p.Parameters} parameters outside the fit range");
                Check(p.Source, "proof_s", p.ProofSeconds, s.ProofSecondsAt(p.Parameters));
                Check(p.Source, "verify_s", p.VerifySeconds, s.VerifySecondsAt(p.Parameters));
                Check(p.Source, "proof_bytes", p.ProofBytes, s.ProofBytesAt(p.Parameters));
            }
        });
    }

    private static void Check(string source, string what, double? cited, double law)
    {
        if (cited is not { } c) return;
        TestContext.Out.WriteLine($"{source}: {what} cited {c:G6}, law {law:G6} ({law / c - 1:+0.0%;-0.0%})");
        Assert.That(Math.Abs(law / c - 1), Is.LessThanOrEqualTo(Tolerance), $"{source}: {what} law {law} vs cited {c}");
    }

    private const string Yaml = """
        run: {duration_s: 100}
        traffic:
          arrival: {process: poisson, rate: 1}
          classes:
            - {name: risk, model: mlp, paths: {zkml: 1} }
        models:
          mlp: {inference_s: 0.005, proof_system: deepprove-gkr, parameters: 4.0e6}
        pools:
          inference: {nodes: 1, slots: 1}
          verification: {nodes: 1, slots: 1}
        """;

    [Test]
    public void A_model_on_a_proof_system_takes_its_proof_and_verify_times_from_the_law()
    {
        var loaded = ScenarioLoader.LoadText(Yaml, "t.yaml", []);
        ModelProfile m = loaded.Scenario.Models["mlp"];
        Assert.Multiple(() =>
        {
            Assert.That(m.ProofSeconds!.Name, Is.EqualTo("deterministic"));
            Assert.That(loaded.ResolvedYaml, Does.Contain("proof_s: 2.33"), "the resolved scenario carries the number");
            Assert.That(m.VerifySeconds, Is.Not.Null);
        });
        var run = ModelRun.Of(Yaml);
        var r = run.Requests.First(x => !double.IsNaN(x.ProofReadySeconds));
        Assert.That(r.ProofReadySeconds - r.ProofStartSeconds, Is.EqualTo(2.3345).Within(0.001), "deepprove-gkr at 4M parameters");
        Assert.That(r.VerifiedSeconds - r.VerifyStartSeconds, Is.EqualTo(0.56).Within(1e-9), "its CPU verify time, not paths.zkml.verify_s");
    }

    [Test]
    public void A_written_proof_s_wins_over_the_catalogue_and_extrapolate_allows_a_size_beyond_the_fit()
    {
        var loaded = ScenarioLoader.LoadText(Yaml.Replace("parameters: 4.0e6}", "parameters: 4.0e7, extrapolate: true, proof_s: 9}"), "t.yaml", []);
        Assert.That(ProofMean(loaded.Scenario.Models["mlp"]), Is.EqualTo(9));
    }

    [Test]
    public void The_zkml_settle_gas_defaults_to_the_proof_systems_verify_gas_plus_its_calldata()
    {
        // deepprove-gkr: 250,000 gas to verify its Groth16-wrapped proof + 16 gas x 256 bytes of calldata.
        Scenario s = ScenarioLoader.LoadText(Yaml, "t.yaml", []).Scenario;
        Assert.That(s.Paths.Zkml.SettleGas, Is.EqualTo(250_000 + 16 * 256));
        Scenario written = ScenarioLoader.LoadText(Yaml + "\npaths: {zkml: {settle_gas: 1000}}\n", "t.yaml", []).Scenario;
        Assert.That(written.Paths.Zkml.SettleGas, Is.EqualTo(1000), "a written settle_gas wins");
    }

    private static double ProofMean(ModelProfile m) => m.ProofSeconds!.Numbers["value"];
}
