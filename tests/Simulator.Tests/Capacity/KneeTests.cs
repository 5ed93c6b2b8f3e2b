using HacaSim.Scenarios;
using HacaSim.Tests.Experiments;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Capacity;

/// <summary>
/// The analytic knee (the last grid value whose largest rho is below 1) against the simulated knee
/// interval of a sweep, and the sweep's three-state verdicts against the run length.
/// </summary>
public class KneeTests
{
    private static double Step(List<Dictionary<string, string>> rows, string param) =>
        double.Parse(rows[1][param], System.Globalization.CultureInfo.InvariantCulture) - double.Parse(rows[0][param], System.Globalization.CultureInfo.InvariantCulture);

    private static double Number(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("dedicated-provers.yaml", "arrival_rate=7:13:1", new string[0], TestName = "Dedicated provers (baseline): analytic knee = simulated knee within one step")]
    [TestCase("hypotheses/h1-merged.yaml", "arrival_rate=12:14:1", new[] { "--duration", "20000", "--warmup", "8000" }, TestName = "Merged: analytic knee = simulated knee within one step")]
    [TestCase("dedicated-provers.yaml", "arrival_rate=5:11:1", new[] { "--set", "settlement.block_capacity=16" }, TestName = "Chain-bound: analytic knee = simulated knee within one step")]
    [TestCase("dedicated-provers.yaml", "arrival_rate=6:12:1", new[] { "--set", "settlement.block_capacity=40", "--set", "settlement.consensus_base_s=4" },
        TestName = "Chain-bound by consensus (one height at a time): analytic knee = simulated knee within one step")]
    public void Analytic_knee_is_the_simulated_knee_within_one_grid_step(string scenario, string grid, string[] extra)
    {
        var run = ExperimentRun.Execute("sweep", RepositoryPaths.Scenario(scenario), ["--param", grid, "--threads", "2", .. extra]);
        var rows = ExperimentRun.Csv(run, "sweep.csv");
        string param = grid.Split('=')[0];
        double step = Step(rows, param);
        string analytic = rows[0]["analytic_knee_grid"];
        string lastStable = rows[0]["knee_last_stable"], firstUnstable = rows[0]["knee_first_unstable"];
        TestContext.Out.WriteLine($"{scenario}: analytic knee {analytic} (rho = 1 at {rows[0]["analytic_knee"]}), simulated: last stable {lastStable}, " +
            $"first unstable {firstUnstable}, critical {rows[0]["knee_critical"]}; bottleneck {rows[^1]["bottleneck"]}");
        foreach (var r in rows) TestContext.Out.WriteLine($"  {r[param]}: rho_max {r["rho_max"]}, {r["proof_backlogs_verdict"]}");
        Assert.That(analytic, Is.Not.Empty, "rho >= 1 already at the first point");
        Assert.That(lastStable, Is.Not.Empty, "no stable point");
        Assert.That(Math.Abs(Number(analytic) - Number(lastStable)), Is.LessThanOrEqualTo(step + 1e-9),
            $"analytic knee {analytic} vs simulated last stable {lastStable}");
        if (firstUnstable.Length > 0)
            Assert.That(Number(firstUnstable), Is.GreaterThan(Number(analytic)), "unstable below the analytic knee");
    }

    [Test]
    public void Baseline_verdicts_do_not_depend_on_run_length()
    {
        var verdicts = new Dictionary<int, string>();
        foreach (int duration in new[] { 1800, 3600, 7200 })
        {
            var run = ExperimentRun.Execute("sweep", RepositoryPaths.Scenario("dedicated-provers.yaml"), "--param", "arrival_rate=7:10:1",
                "--duration", duration.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2");
            var rows = ExperimentRun.Csv(run, "sweep.csv");
            verdicts[duration] = string.Join(" ", rows.Select(r => $"{r["arrival_rate"]}:{r["proof_backlogs_verdict"]}"));
            TestContext.Out.WriteLine($"{duration} s: {verdicts[duration]} (old boolean: " +
                string.Join(" ", rows.Select(r => $"{r["arrival_rate"]}:{r["proof_backlogs_stable"]}")) + ")");
        }
        Assert.That(verdicts[1800], Is.EqualTo(verdicts[3600]));
        Assert.That(verdicts[7200], Is.EqualTo(verdicts[3600]));
    }
}
