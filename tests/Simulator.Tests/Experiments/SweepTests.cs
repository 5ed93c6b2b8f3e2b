using System.Globalization;
using HacaSim.Catalog;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

public class SweepTests
{
    // The network with a dedicated prover pool (the old baseline.yaml): these tests are about that pool and its numbers.
    private static readonly string Baseline = RepositoryPaths.Scenario("dedicated-provers.yaml");

    /// <summary>
    /// The prover pool's capacity in requests/s, from baseline.yaml's own numbers: prover_nodes x 1 slot of
    /// speed 1, over the prover work per request: the ZKML share x the risk-score proof (overhead x mean of
    /// its inference distribution) plus the ZK-CRV challenges of chat requests x the LLM's mean proof_s.
    /// </summary>
    private static double ProverCapacity(Scenario s)
    {
        var catalogs = ScenarioCatalogs.Default;
        double Mean(ComponentSpec spec) => catalogs.Distributions.Create(spec, new Random(0)).Mean;
        double totalShare = s.Traffic.Classes.Sum(c => c.Share);
        double work = 0;
        foreach (var c in s.Traffic.Classes)
        {
            double proof = c.Model is { } m && s.Models[m].ProofSeconds is { } p ? Mean(p) : s.Paths.Zkml.ProofOverheadFactor * Mean(c.InferenceSeconds!);
            double weights = c.PathWeights.Values.Sum();
            double proven = (c.PathWeights.GetValueOrDefault(HacaSim.Model.VerificationPath.Zkml)
                + c.PathWeights.GetValueOrDefault(HacaSim.Model.VerificationPath.ZkCrv) * s.Paths.ZkCrv.ChallengeProbability) / weights;
            work += c.Share / totalShare * proven * proof;
        }
        var prover = s.Pools[s.Roles.Prover!];
        return prover.Nodes * prover.Slots * prover.Speed / work;
    }

    [Test]
    public void A_sweep_over_arrival_rate_finds_the_knee_at_the_hand_computed_prover_capacity()
    {
        var scenario = ScenarioLoader.Load(Baseline, []).Scenario;
        double capacity = ProverCapacity(scenario);
        // 16 provers / (0.2 x 1000 x 5.5 ms + 0.8 x 0.1 x 0.01 x 609 s) = 16 / 1.587 s = 10.08 req/s.
        Assert.That(capacity, Is.EqualTo(10.08).Within(0.01));
        const double step = 1;
        var run = ExperimentRun.Execute("sweep", Baseline, "--param", "arrival_rate=6.5:12.5:1", "--replications", "3",
            "--duration", "3600", "--warmup", "300");
        var rows = ExperimentRun.Csv(run, "sweep.csv");
        string kneeLine = run.Stdout.Split('\n').First(l => l.StartsWith("knee", StringComparison.Ordinal));
        double knee = double.Parse(kneeLine.Split('=')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(knee, Is.LessThan(capacity), kneeLine);
            Assert.That(knee + step, Is.GreaterThan(capacity), "the knee is the last grid value below the capacity: " + kneeLine);
            Assert.That(rows.Count, Is.EqualTo(7));
            // Utilisation of the provers is the offered work over capacity below the knee.
            var at7 = rows.First(r => r["arrival_rate"] == "7.5");
            double util = double.Parse(at7["pools_prover_utilization_mean"], CultureInfo.InvariantCulture);
            double ci = double.Parse(at7["pools_prover_utilization_ci95"], CultureInfo.InvariantCulture);
            Assert.That(Math.Abs(util - 7.5 / capacity), Is.LessThan(ci + 0.01));
            Assert.That(File.Exists(Path.Combine(run.OutDir, "sweep_proof_lag.png")));
            Assert.That(File.Exists(Path.Combine(run.OutDir, "points", "0", "summary.json")));
        });
    }

    [Test]
    public void Plan_agrees_with_a_sweep_over_the_same_values()
    {
        string[] common = ["--duration", "1200", "--warmup", "200", "--replications", "2"];
        const string target = "pools.prover.utilization.mean<=0.6";
        var sweep = ExperimentRun.Execute("sweep", Baseline, [.. common, "--param", "prover_nodes=8:24:1", "--quiet"]);
        var fromSweep = ExperimentRun.Csv(sweep, "sweep.csv")
            .Where(r => double.Parse(r["pools_prover_utilization_mean"], CultureInfo.InvariantCulture) <= 0.6)
            .Min(r => int.Parse(r["prover_nodes"], CultureInfo.InvariantCulture));
        var plan = ExperimentRun.Execute("plan", Baseline, [.. common, "--target", target, "--vary", "prover_nodes", "--min", "1", "--max", "64"]);
        var json = ExperimentRun.Json(plan, "plan.json");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("answer").GetInt32(), Is.EqualTo(fromSweep));
            Assert.That(plan.Stdout, Does.Contain($"answer: prover_nodes = {fromSweep} "));
            // Exponential then binary: far fewer runs than values in range.
            Assert.That(json.GetProperty("evaluations").GetArrayLength(), Is.LessThan(14));
        });
    }

    [Test]
    public void Plan_does_not_call_an_unstable_or_critical_point_met_and_carries_each_points_interval_and_verdict()
    {
        // Every point meets this number (TEE latency does not depend on provers), but one prover node cannot keep up.
        var plan = ExperimentRun.Execute("plan", Baseline, "--duration", "1200", "--warmup", "200", "--replications", "2",
            "--target", "paths.tee.result_latency_s.mean<=100", "--vary", "prover_nodes", "--min", "1", "--max", "32");
        var json = ExperimentRun.Json(plan, "plan.json");
        var evaluations = json.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(evaluations.All(e => e.GetProperty("metric_meets").GetBoolean()), "the number alone meets everywhere");
            var first = evaluations[0];
            Assert.That(first.GetProperty("value").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("verdict").GetString(), Is.EqualTo("unstable"));
            Assert.That(first.GetProperty("not_stable").GetProperty("prover").GetString(), Is.EqualTo("unstable"));
            foreach (var e in evaluations)
            {
                bool stable = e.GetProperty("verdict").GetString() == "stable";
                Assert.That(e.GetProperty("meets").GetBoolean(), Is.EqualTo(stable), $"prover_nodes={e.GetProperty("value")}: met only when stable");
                Assert.That(e.GetProperty("metric_ci95").GetDouble(), Is.GreaterThan(0), "a CI across the two replications");
            }
            int smallestStable = evaluations.Where(e => e.GetProperty("verdict").GetString() == "stable").Min(e => e.GetProperty("value").GetInt32());
            Assert.That(json.GetProperty("answer").GetInt32(), Is.EqualTo(smallestStable));
            Assert.That(plan.Stdout, Does.Contain("prover_nodes = 1      ").And.Contain("not met: unstable (prover unstable) though the number meets"));
        });
    }

    [Test]
    public void Sweep_output_is_byte_identical_for_any_thread_count()
    {
        string[] args = ["--param", "verifiers=4,8", "--param", "arrival_rate=5,6", "--duration", "600", "--warmup", "60", "--replications", "2", "--quiet"];
        var one = ExperimentRun.Execute("sweep", Baseline, [.. args, "--threads", "1"]);
        var four = ExperimentRun.Execute("sweep", Baseline, [.. args, "--threads", "4"]);
        Assert.That(four.Bytes("sweep.csv"), Is.EqualTo(one.Bytes("sweep.csv")));
        Assert.That(ExperimentRun.Csv(one, "sweep.csv").Count, Is.EqualTo(4));
        Assert.That(one.Stdout, Does.Contain("knee at arrival_rate=5"));
    }

    [Test]
    public void A_target_naming_no_summary_key_is_bad_input()
    {
        var run = Cli.CliRun.Execute("plan", Baseline, "--target", "paths.zkml.proof_lagg.p95<=60", "--vary", "prover_nodes", "--duration", "300", "--warmup", "30");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("no \"proof_lagg\" under paths.zkml").And.Contain("proof_lag_s"));
    }
}
