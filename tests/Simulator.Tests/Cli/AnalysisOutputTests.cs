using System.Text.Json;
using System.Text.RegularExpressions;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>What issue 6 asks of a run's analysis: reproducible in parallel, honest intervals, stability marks, exports, report.</summary>
public class AnalysisOutputTests
{
    private static readonly string Baseline = RepositoryPaths.Scenario("baseline.yaml");

    // The network with a dedicated prover pool (the old baseline), for tests about that pool.
    private static readonly string DedicatedProvers = RepositoryPaths.Scenario("dedicated-provers.yaml");
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");

    private static readonly string[] OutputFiles =
    [
        "summary.json", "timeseries.csv", "proof_lag.csv", "requests.csv", "scenario.resolved.yaml",
        "timeseries.parquet", "proof_lag.parquet", "requests.parquet", "report.md", "report.html",
    ];

    [Test]
    public void One_and_two_threads_give_byte_identical_output_and_Parquet_matches_the_CSVs()
    {
        string[] args = ["--duration", "600", "--warmup", "60", "--log-requests", "--replications", "4"];
        var one = CliRun.Run(Baseline, [.. args, "--threads", "1"]);
        var two = CliRun.Run(Baseline, [.. args, "--threads", "2"]);
        Assert.Multiple(() =>
        {
            foreach (string file in OutputFiles)
                Assert.That(two.Bytes(file), Is.EqualTo(one.Bytes(file)), $"{file} differs between --threads 1 and 2");
            foreach (string name in new[] { "timeseries", "proof_lag", "requests" })
            {
                string[] csv = File.ReadAllLines(Path.Combine(one.OutDir, name + ".csv"));
                (string[] header, List<string[]> rows, int groups) = ParquetFile.Read(Path.Combine(one.OutDir, name + ".parquet"));
                Assert.That(string.Join(",", header), Is.EqualTo(csv[0]), $"{name}: columns");
                Assert.That(rows, Has.Count.EqualTo(csv.Length - 1), $"{name}: rows");
                for (int i = 0; i < rows.Count; i++)
                {
                    if (string.Join(",", rows[i]) == csv[i + 1]) continue;
                    Assert.Fail($"{name} row {i}: parquet {string.Join(",", rows[i])} vs csv {csv[i + 1]}");
                    break;
                }
                if (name == "requests") Assert.That(groups, Is.GreaterThanOrEqualTo(4), "requests.parquet: at least a row group per replication");
            }
        });
    }

    [Test]
    public void An_overloaded_queue_is_unstable_with_a_positive_growth_rate_and_every_statistic_through_it_is_marked()
    {
        // lambda = 1.2 > c mu = 1: the backlog grows at lambda - mu = 0.2 jobs/s.
        var run = CliRun.Run(Mmc, "--set", "servers=1", "--set", "arrival_rate=1.2", "--duration", "5000", "--warmup", "500", "--replications", "3");
        JsonElement s = run.Summary;
        JsonElement growth = s.GetProperty("stability").GetProperty("inference").GetProperty("backlog_growth_per_s");
        double mean = growth.GetProperty("mean").GetDouble(), ci = growth.GetProperty("ci95").GetDouble();
        TestContext.Out.WriteLine($"growth {mean:F4} ± {ci:F4} jobs/s (expected 0.2)");
        JsonElement pool = s.GetProperty("pools").GetProperty("inference");
        JsonElement vanilla = s.GetProperty("paths").GetProperty("vanilla");
        Assert.Multiple(() =>
        {
            Assert.That(s.GetProperty("stability").GetProperty("inference").GetProperty("stable").GetBoolean(), Is.False);
            Assert.That(mean - ci, Is.GreaterThan(0), "growth CI excludes 0");
            Assert.That(mean, Is.EqualTo(0.2).Within(0.05));
            Assert.That(pool.GetProperty("unstable").GetBoolean(), Is.True);
            foreach (string stat in new[] { "utilization", "queue_length", "in_service", "wait_s", "service_s" })
                Assert.That(pool.GetProperty(stat).GetProperty("unstable").GetBoolean(), Is.True, stat);
            foreach (string stat in new[] { "result_latency_s", "proof_lag_s", "time_to_trust_s" })
                Assert.That(vanilla.GetProperty(stat).GetProperty("unstable").GetBoolean(), Is.True, stat);
            Assert.That(s.GetProperty("pools").GetProperty("verification").GetProperty("wait_s").TryGetProperty("unstable", out _), Is.False,
                "a stable pool's statistics are not marked");
            Assert.That(s.GetProperty("stability").GetProperty("settlement").GetProperty("stable").GetBoolean(), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(run.OutDir, "report.md")), Does.Contain("inference grows by"));
        });
    }

    [Test]
    public void An_unstable_prover_pool_marks_the_proof_statistics_of_ZKML_and_ZK_CRV_only()
    {
        var run = CliRun.Run(DedicatedProvers, "--duration", "3600", "--warmup", "300", "--set", "zkml_share=0.6");
        JsonElement paths = run.Summary.GetProperty("paths");
        bool Marked(string path, string stat) => paths.GetProperty(path).GetProperty(stat).TryGetProperty("unstable", out JsonElement u) && u.GetBoolean();
        Assert.Multiple(() =>
        {
            Assert.That(run.Summary.GetProperty("stability").GetProperty("prover").GetProperty("stable").GetBoolean(), Is.False);
            Assert.That(Marked("zkml", "proof_lag_s") && Marked("zkml", "time_to_trust_s") && Marked("zkcrv", "time_to_trust_s"), Is.True);
            Assert.That(Marked("zkml", "result_latency_s") || Marked("tee", "time_to_trust_s") || Marked("vanilla", "proof_lag_s"), Is.False);
        });
    }

    [Test]
    public void One_replication_gets_batch_means_intervals_and_says_so()
    {
        var one = CliRun.Run(Mmc, "--set", "servers=1", "--set", "arrival_rate=0.7", "--duration", "20000", "--warmup", "500", "--replications", "1");
        var many = CliRun.Run(Mmc, "--set", "servers=1", "--set", "arrival_rate=0.7", "--duration", "2000", "--warmup", "200", "--replications", "3");
        JsonElement wait = one.Summary.GetProperty("pools").GetProperty("inference").GetProperty("wait_s");
        JsonElement latency = one.Summary.GetProperty("paths").GetProperty("vanilla").GetProperty("result_latency_s");
        Assert.Multiple(() =>
        {
            Assert.That(one.Summary.GetProperty("ci_method").GetString(), Is.EqualTo("batch_means"));
            Assert.That(many.Summary.GetProperty("ci_method").GetString(), Is.EqualTo("replications"));
            Assert.That(wait.GetProperty("ci95").GetDouble(), Is.GreaterThan(0).And.LessThan(wait.GetProperty("mean").GetDouble()));
            // Wq = 7/3 for M/M/1 at rho 0.7; 20,000 s is long enough for a 99.9%-safe triple half-width.
            Assert.That(Math.Abs(wait.GetProperty("mean").GetDouble() - 7.0 / 3), Is.LessThan(3 * wait.GetProperty("ci95").GetDouble()));
            Assert.That(latency.GetProperty("ci95").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(one.Summary.GetProperty("pools").GetProperty("inference").GetProperty("utilization").GetProperty("ci95").ValueKind,
                Is.EqualTo(JsonValueKind.Null), "time averages have no per-request batches: still null with one replication");
        });
    }

    [Test]
    public void Warmup_auto_detects_a_cut_with_MSER5_and_reports_it()
    {
        var run = CliRun.Run(Mmc, "--set", "servers=1", "--set", "arrival_rate=0.9", "--duration", "20000", "--warmup", "auto",
            "--replications", "2", "--set", "run.sample_interval_s=20");
        JsonElement warmup = run.Summary.GetProperty("warmup");
        double seconds = warmup.GetProperty("seconds").GetDouble();
        TestContext.Out.WriteLine($"detected warm-up {seconds} s, reliable {warmup.GetProperty("reliable").GetBoolean()}");
        Assert.Multiple(() =>
        {
            Assert.That(warmup.GetProperty("method").GetString(), Is.EqualTo("mser5"));
            Assert.That(run.Summary.GetProperty("warmup_s").GetDouble(), Is.EqualTo(seconds));
            Assert.That(seconds, Is.LessThan(10000), "MSER searches the first half only");
            Assert.That(warmup.GetProperty("mser5_pool").GetString(), Is.EqualTo("inference"));
            Assert.That(File.ReadAllText(Path.Combine(run.OutDir, "scenario.resolved.yaml")), Does.Contain("warmup_s: " + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        var fixedRun = CliRun.Run(Mmc, "--duration", "5000", "--replications", "2");
        Assert.That(fixedRun.Summary.GetProperty("warmup").GetProperty("method").GetString(), Is.EqualTo("fixed"));
        Assert.That(CliRun.Execute("run", Mmc, "--warmup", "soon").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Warmup_auto_ignores_the_files_warmup_so_a_run_shorter_than_it_is_accepted()
    {
        // baseline.yaml has warmup_s: 300; with --warmup auto that value is replaced by the detected cut, so
        // --duration 200 must not be refused for being shorter than it (issue 14: it was, before the fix).
        var run = CliRun.Run(Baseline, "--warmup", "auto", "--duration", "200", "--replications", "1");
        double seconds = run.Summary.GetProperty("warmup_s").GetDouble();
        Assert.Multiple(() =>
        {
            Assert.That(run.Summary.GetProperty("warmup").GetProperty("method").GetString(), Is.EqualTo("mser5"));
            Assert.That(seconds, Is.GreaterThanOrEqualTo(0).And.LessThan(200));
        });
        // A fixed warm-up still has to fit the run.
        Assert.That(CliRun.Execute("run", Baseline, "--warmup", "300", "--duration", "200").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Sequential_stopping_is_the_same_for_any_thread_count_and_equals_a_plain_run_of_that_many_replications()
    {
        string[] args = ["--set", "servers=1", "--set", "arrival_rate=0.7", "--duration", "2000", "--warmup", "200",
            "--replications", "3", "--precision", "0.1", "--precision-metric", "pools.inference.wait_s", "--max-replications", "40"];
        var one = CliRun.Run(Mmc, [.. args, "--threads", "1"]);
        var two = CliRun.Run(Mmc, [.. args, "--threads", "2"]);
        JsonElement precision = one.Summary.GetProperty("precision");
        int n = one.Summary.GetProperty("replications").GetInt32();
        TestContext.Out.WriteLine($"stopped after {n} replications at relative half-width {precision.GetProperty("relative_half_width").GetDouble():F4}");
        var plain = CliRun.Run(Mmc, "--set", "servers=1", "--set", "arrival_rate=0.7", "--duration", "2000", "--warmup", "200", "--replications", $"{n}");
        JsonElement wait = one.Summary.GetProperty("pools").GetProperty("inference").GetProperty("wait_s");
        Assert.Multiple(() =>
        {
            Assert.That(two.Bytes("summary.json"), Is.EqualTo(one.Bytes("summary.json")));
            Assert.That(precision.GetProperty("met").GetBoolean(), Is.True);
            Assert.That(n, Is.GreaterThan(3).And.LessThanOrEqualTo(40));
            Assert.That(wait.GetProperty("ci95").GetDouble() / wait.GetProperty("mean").GetDouble(), Is.LessThanOrEqualTo(0.1));
            Assert.That(plain.Bytes("timeseries.csv"), Is.EqualTo(one.Bytes("timeseries.csv")));
            Assert.That(plain.Summary.GetProperty("pools").GetRawText(), Is.EqualTo(one.Summary.GetProperty("pools").GetRawText()));
        });
        Assert.That(CliRun.Execute("run", Mmc, "--precision", "0.05", "--precision-metric", "pools.gpu.wait_s").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void The_report_is_self_contained_and_report_rebuilds_it_from_the_directory_alone()
    {
        var run = CliRun.Run(Baseline, "--duration", "600", "--warmup", "60", "--replications", "2");
        string html = File.ReadAllText(Path.Combine(run.OutDir, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"));
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(html, Does.Not.Contain("<link").IgnoreCase);
            Assert.That(html, Does.Not.Contain("url(").IgnoreCase);
            foreach (Match m in Regex.Matches(html, "(src|href)\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase))
                Assert.That(m.Groups[2].Value, Does.StartWith("data:image/png;base64,"), m.Value[..Math.Min(60, m.Value.Length)]);
            Assert.That(Regex.Matches(html, "<img ").Count, Is.EqualTo(5), "five charts embedded");
            Assert.That(html, Does.Contain("Verdict").And.Contain("baseline").And.Contain("time to trust"));
        });

        // Copy only the files the report needs elsewhere and rebuild it there.
        string copy = TestScratch.NewPath("hacasim-report");
        Directory.CreateDirectory(copy);
        foreach (string f in Directory.GetFiles(run.OutDir).Where(f => f.EndsWith(".png") || f.EndsWith("summary.json") || f.EndsWith(".yaml")))
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        var report = CliRun.Execute("report", copy);
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Stderr);
        Assert.That(File.ReadAllBytes(Path.Combine(copy, "report.html")), Is.EqualTo(run.Bytes("report.html")));
        Assert.That(File.ReadAllText(Path.Combine(copy, "report.md")), Is.EqualTo(File.ReadAllText(Path.Combine(run.OutDir, "report.md"))));
        Assert.That(CliRun.Execute("report", Path.Combine(copy, "nope")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void The_report_leaves_an_outage_after_the_run_end_out_of_its_outage_table()
    {
        // verifier-churn's outage starts at 3,600 s: a 1,800 s run never reaches it.
        var run = CliRun.Run(RepositoryPaths.Scenario("faults/verifier-churn.yaml"), "--duration", "1800", "--replications", "1");
        string report = File.ReadAllText(Path.Combine(run.OutDir, "report.md"));
        Assert.Multiple(() =>
        {
            Assert.That(report, Does.Not.Contain("recovery after the outage"), "no outage table for an outage the run never reached");
            Assert.That(report, Does.Contain("Not simulated (they start at or after the run's end, 1,800 s): the outage of verification from 3,600 s."));
        });
    }
}
