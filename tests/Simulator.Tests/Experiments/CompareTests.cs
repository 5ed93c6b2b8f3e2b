using System.Globalization;
using System.Text.Json;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

public class CompareTests
{
    // The network with a dedicated prover pool (the old baseline.yaml): these tests are about that pool and its numbers.
    private static readonly string Baseline = RepositoryPaths.Scenario("dedicated-provers.yaml");

    // Above the provers' comfort (utilisation ~0.9 at 9 req/s), so the adaptive policy has something to do.
    private static readonly string[] Load = ["--set", "arrival_rate=9", "--duration", "1200", "--warmup", "200", "--replications", "6"];

    [Test]
    public void Variants_differing_only_in_policy_see_identical_arrivals_and_the_paired_interval_is_narrower()
    {
        var run = ExperimentRun.Execute("compare", Baseline, [.. Load, "--log-requests", "--quiet",
            "--variant", "static:policy=static", "--variant", "adaptive:policy={name: adaptive, backlog_high: 10, backlog_low: 4}"]);
        string[] Arrivals(string variant)
        {
            string[] lines = File.ReadAllLines(Path.Combine(run.OutDir, "variants", variant, "requests.csv"));
            int rep = Array.IndexOf(lines[0].Split(','), "replication"), id = Array.IndexOf(lines[0].Split(','), "id");
            int arrival = Array.IndexOf(lines[0].Split(','), "arrival_s");
            // Rows are written as requests end, which differs between policies; compare them by (replication, id).
            return lines.Skip(1).Select(l => l.Split(',')).OrderBy(c => int.Parse(c[rep], CultureInfo.InvariantCulture))
                .ThenBy(c => long.Parse(c[id], CultureInfo.InvariantCulture)).Select(c => $"{c[rep]}/{c[id]}/{c[arrival]}").ToArray();
        }
        string[] a = Arrivals("static"), b = Arrivals("adaptive");
        JsonElement metrics = ExperimentRun.Json(run, "comparison.json").GetProperty("metrics");
        JsonElement Diff(string metric) => metrics.GetProperty(metric).GetProperty("adaptive").GetProperty("diff_to_baseline");
        JsonElement util = metrics.GetProperty("pools.prover.utilization").GetProperty("adaptive").GetProperty("diff_to_baseline");
        Assert.Multiple(() =>
        {
            Assert.That(a.Length, Is.GreaterThan(1000));
            // Requests that ended in both runs (in flight at the end may differ) have the same ids and arrival times.
            var common = a.Select(x => x[..x.LastIndexOf('/')]).Intersect(b.Select(x => x[..x.LastIndexOf('/')])).ToHashSet();
            Assert.That(common.Count, Is.GreaterThan(0.95 * a.Length));
            Assert.That(a.Where(x => common.Contains(x[..x.LastIndexOf('/')])), Is.EqualTo(b.Where(x => common.Contains(x[..x.LastIndexOf('/')]))));
            // Metrics both variants share the randomness of: pairing cancels it. (Where one variant is nearly
            // constant, such as the adaptive policy's capped proof lag, pairing cannot help and is not claimed.)
            foreach (string metric in new[] { "result_latency_s", "paths.tee.time_to_trust_s", "pools.inference.utilization" })
                Assert.That(Diff(metric).GetProperty("ci95").GetDouble(), Is.LessThan(Diff(metric).GetProperty("ci95_unpaired").GetDouble()), metric);
            // And the difference is real: shedding ZKML work relieves the provers.
            Assert.That(util.GetProperty("mean").GetDouble() + util.GetProperty("ci95").GetDouble(), Is.LessThan(0));
            Assert.That(File.Exists(Path.Combine(run.OutDir, "variants", "adaptive", "summary.json")));
            Assert.That(File.Exists(Path.Combine(run.OutDir, "compare_latency_cdf.png")));
        });
    }

    [Test]
    public void The_console_shows_each_variants_stability_and_path_mix_change_and_the_report_charts_paired_differences()
    {
        // 14 req/s is past the dedicated provers' capacity (10.08 req/s, README): that variant's prover backlog grows.
        var run = ExperimentRun.Execute("compare", Baseline, "--duration", "1200", "--warmup", "200", "--replications", "4",
            "--variant", "base:arrival_rate=6", "--variant", "heavy:arrival_rate=14", "--variant", "slo:arrival_rate=6,policy={name: slo, floor: zkcrv}");
        string[] lines = run.Stdout.Split('\n');
        string Line(string variant) => lines.Single(l => l.StartsWith(variant + " ", StringComparison.Ordinal) && l.Contains("zkml", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(run.Stdout, Does.Contain("path mix (share of requests; change from base in points, paired 95%)"));
            Assert.That(Line("base"), Does.Match(@"^base\s+stable\s+zkml [0-9.]+%, tee"));
            Assert.That(Line("heavy"), Does.Contain("unstable:").And.Contain("prover"));
            // A policy with a trust floor changes the mix: a significant change is marked.
            Assert.That(Line("slo"), Does.Contain("◆"));
            foreach (string metric in new[] { "result_latency_s", "proof_lag_s", "time_to_trust_s", "downgrade_share" })
                Assert.That(File.Exists(Path.Combine(run.OutDir, $"compare_diff_{metric}.png")), metric);
            Assert.That(File.ReadAllText(Path.Combine(run.OutDir, "report.md")), Does.Contain("paired difference of each variant to the first"));
        });
    }

    [Test]
    public void Output_is_byte_identical_for_any_thread_count()
    {
        string[] args = ["--set", "arrival_rate=8", "--duration", "600", "--warmup", "60", "--replications", "3", "--quiet",
            "--variant", "a:policy=static", "--variant", "b:pools.prover.dispatcher=lwl"];
        var one = ExperimentRun.Execute("compare", Baseline, [.. args, "--threads", "1"]);
        var four = ExperimentRun.Execute("compare", Baseline, [.. args, "--threads", "4"]);
        foreach (string file in new[] { "comparison.csv", "comparison.json", "variants/b/summary.json", "variants/b/timeseries.csv" })
            Assert.That(four.Bytes(file), Is.EqualTo(one.Bytes(file)), file);
    }

    [Test]
    public void The_first_variant_is_the_same_run_as_hacasim_run_with_the_same_seed()
    {
        string[] args = ["--duration", "600", "--warmup", "60", "--replications", "2"];
        var compare = ExperimentRun.Execute("compare", Baseline, [.. args, "--quiet", "--variant", "base", "--variant", "more:verifiers=12"]);
        var run = Cli.CliRun.Run(Baseline, args);
        Assert.That(compare.Bytes("variants/base/summary.json"), Is.EqualTo(run.Bytes("summary.json")));
    }

    [Test]
    public void A_variants_block_in_the_scenario_is_used_when_the_command_line_names_none()
    {
        string file = TestScratch.NewPath("variants", ".yaml");
        File.WriteAllText(file, File.ReadAllText(Baseline) + """

            variants:
              static: {}
              slo: {policy: {name: slo, floor: zkcrv}}
            """);
        var run = ExperimentRun.Execute("compare", file, "--duration", "300", "--warmup", "30", "--quiet");
        JsonElement json = ExperimentRun.Json(run, "comparison.json");
        Assert.That(json.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()), Is.EqualTo(new[] { "static", "slo" }));
        Assert.That(json.GetProperty("variants")[1].GetProperty("overrides")[0].GetString(), Is.EqualTo("policy={name: slo, floor: zkcrv}"));
    }

    [Test]
    public void A_bad_variant_is_bad_input_naming_the_variant()
    {
        var run = Cli.CliRun.Execute("compare", Baseline, "--variant", "a", "--variant", "b:verifierz=3");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("b (verifierz=3)").And.Contain("did you mean \"verifiers\"?"));
        var one = Cli.CliRun.Execute("compare", Baseline, "--variant", "a");
        Assert.That(one.ExitCode, Is.EqualTo(2));
        Assert.That(one.Stderr, Does.Contain("at least two variants"));
    }
}
