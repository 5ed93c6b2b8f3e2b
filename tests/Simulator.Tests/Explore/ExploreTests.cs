using System.Diagnostics;
using System.Globalization;
using HacaSim.Cli;
using HacaSim.Explore;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Properties;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Explore;

/// <summary>
/// <c>hacasim explore</c> on the M/M/c validation scenario, where the answer is known: the queue's wait grows
/// steeply with the arrival rate (Erlang C, rho from 0.5 to 0.85), barely with a service rate varied by ±3%, and
/// not at all with the verification pool's slots (no job waits there). The arrival rate's sensitivity must be
/// the largest and clear of the others' intervals. Then sharding, Slurm and bad input.
/// </summary>
public class ExploreTests
{
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");

    // Short runs (2,000 s at 2-3.4 req/s, two replications): the wait's spread across samples (0.1 s to 1.2 s) is
    // far larger than its noise within a sample, which is all a sensitivity test needs.
    private static readonly string[] Inputs =
        ["--param", "arrival_rate=uniform(2,3.4)", "--param", "service_rate=uniform(0.97,1.03)", "--param", "pools.verification.slots=int(1,4)"];

    private static readonly string[] Short = ["--replications", "2", "--duration", "2000", "--warmup", "200"];

    [Test]
    public void Over_a_Latin_hypercube_the_arrival_rate_dominates_the_wait()
    {
        using var tmp = new TempDirectory();
        Ok(CliRun.Execute(["explore", Mmc, .. Inputs, "--samples", "24", .. Short, "--out", tmp.File("o"), "--quiet"]));
        var srrc = Sensitivity(tmp.File("o"), "inference_wait_s", "srrc");
        Assert.Multiple(() =>
        {
            Assert.That(srrc["arrival_rate"].Lower, Is.GreaterThan(Math.Abs(srrc["service_rate"].Estimate)).And.GreaterThan(srrc["service_rate"].Upper));
            Assert.That(srrc["arrival_rate"].Lower, Is.GreaterThan(srrc["pools.verification.slots"].Upper));
            // Faster service, shorter wait; more verification slots, nothing (zero within its interval).
            Assert.That(srrc["service_rate"].Estimate, Is.Negative);
            Assert.That(srrc["pools.verification.slots"].Lower, Is.LessThanOrEqualTo(0));
            Assert.That(srrc["pools.verification.slots"].Upper, Is.GreaterThanOrEqualTo(0));
        });
        string[] files = ["explore.csv", "sensitivity.csv", "verdicts.csv", "report.md", "report.html", "tornado_rho_max.png",
            "scatter_all_time_to_trust_s_mean_vs_arrival_rate.png"];
        foreach (string f in files) Assert.That(File.Exists(Path.Combine(tmp.File("o"), f)), f);
        Assert.That(File.ReadAllLines(Path.Combine(tmp.File("o"), "explore.csv")), Has.Length.EqualTo(25));
    }

    [Test]
    public void Over_Saltellis_design_the_arrival_rate_has_the_largest_total_index()
    {
        using var tmp = new TempDirectory();
        Ok(CliRun.Execute(["explore", Mmc, .. Inputs, "--samples", "16", "--method", "sobol", .. Short, "--out", tmp.File("o"), "--quiet",
            "--lag-threshold", "1", "--phase", "arrival_rate,service_rate"]));
        var st = Sensitivity(tmp.File("o"), "inference_wait_s", "st");
        Assert.Multiple(() =>
        {
            Assert.That(st["arrival_rate"].Lower, Is.GreaterThan(st["service_rate"].Upper));
            Assert.That(st["arrival_rate"].Lower, Is.GreaterThan(st["pools.verification.slots"].Upper));
            Assert.That(File.ReadAllLines(Path.Combine(tmp.File("o"), "explore.csv")), Has.Length.EqualTo(16 * 5 + 1));
            Assert.That(File.Exists(Path.Combine(tmp.File("o"), "phase_bottleneck.png")));
        });
        // The queue is always the inference pool, and always stable: probability 1 over the 32 A and B rows.
        var verdicts = File.ReadAllLines(Path.Combine(tmp.File("o"), "verdicts.csv"));
        Assert.That(verdicts, Has.Some.StartsWith("bottleneck,inference,32,32,1,"));
        Assert.That(verdicts, Has.Some.StartsWith("verdict_inference,stable,32,32,1,"));
        Assert.That(verdicts, Has.Some.StartsWith("proof_lag_p95_exceeds_threshold,any_path,0,32,0,0,"));
    }

    [Test]
    public void Each_paths_share_of_the_requests_is_the_mix_the_sample_sets()
    {
        // baseline.yaml's static mix: the risk-score class (share zkml_share) always takes ZKML, chat never does, so the
        // expected ZKML share is the sampled zkml_share exactly. The shares of the four paths add up to one.
        using var tmp = new TempDirectory();
        Ok(CliRun.Execute(["explore", RepositoryPaths.Scenario("baseline.yaml"), "--param", "zkml_share=uniform(0.1,0.5)", "--samples", "4",
            "--replications", "3", "--duration", "600", "--warmup", "60", "--out", tmp.File("o"), "--quiet"]));
        var lines = File.ReadAllLines(Path.Combine(tmp.File("o"), "explore.csv"));
        var header = lines[0].Split(',').Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        string[] paths = ["zkml", "tee", "zkcrv", "vanilla"];
        foreach (string line in lines.Skip(1))
        {
            string[] cell = line.Split(',');
            double At(string column) => double.Parse(cell[header[column]], CultureInfo.InvariantCulture);
            double zkml = At("zkml_path_share"), ci95 = At("zkml_path_share_ci95");
            // A 99% interval from the 95% half-width of three replications: t(0.995, 2) / t(0.975, 2) = 9.925 / 4.303.
            Assert.That(Math.Abs(zkml - At("zkml_share")), Is.LessThanOrEqualTo(ci95 * 9.925 / 4.303), line);
            Assert.That(paths.Sum(p => At(p + "_path_share")), Is.EqualTo(1).Within(1e-9), line);
        }
    }

    [Test]
    public void Sharded_and_merged_is_byte_identical_to_unsharded()
    {
        using var tmp = new TempDirectory();
        string[] args = ["explore", Mmc, "--param", "arrival_rate=uniform(2,3.4)", "--param", "service_rate=loguniform(0.9,1.1)", "--samples", "5",
            "--replications", "2", "--duration", "500", "--warmup", "50", "--lag-threshold", "2", "--phase", "arrival_rate,service_rate"];
        Ok(CliRun.Execute([.. args, "--out", tmp.File("full"), "--quiet"]));
        foreach (int n in new[] { 2, 3 })
        {
            var parts = Enumerable.Range(0, n).Select(k => tmp.File($"n{n}-part{k}")).ToList();
            for (int k = 0; k < n; k++) Ok(CliRun.Execute([.. args, "--shard", $"{k}/{n}", "--out", parts[k], "--threads", "1"]));
            Ok(CliRun.Execute(["merge", "--out", tmp.File($"n{n}-merged"), .. parts]));
            AssertSameFiles(tmp.File("full"), tmp.File($"n{n}-merged"), $"N = {n}");
        }
    }

    [Test]
    public void Slurm_writes_an_explore_array_with_every_argument_quoted()
    {
        using var tmp = new TempDirectory();
        string out_ = tmp.File("o");
        CliRun slurm = CliRun.Execute(["slurm", "explore", Mmc, "--param", "arrival_rate=uniform(2,3.4)", "--samples", "4", "--out", out_, "--tasks", "2",
            "--hacasim", "/bin/echo"]);
        Assert.That(slurm.ExitCode, Is.EqualTo(Program.Success), slurm.Stderr);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(out_ + ".slurm", "array.sh"));
        start.Environment["SLURM_ARRAY_TASK_ID"] = "1";
        start.Environment["SLURM_CPUS_PER_TASK"] = "1";
        using Process bash = Process.Start(start)!;
        string echoed = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.That(echoed, Does.Contain("explore " + Mmc + " --param arrival_rate=uniform(2,3.4) --samples 4 --shard 1/2"));
    }

    [TestCase("nonexistent_param=uniform(1,2)", "nonexistent_param")]
    [TestCase("arrival_rate=uniform(2)", "two numbers")]
    [TestCase("arrival_rate=loguniform(0,2)", "0 < a < b")]
    [TestCase("arrival_rate=uniform(3,2)", "a < b")]
    [TestCase("arrival_rate=normal(1,2)", "unknown range")]
    [TestCase("arrival_rate", "NAME=RANGE")]
    [TestCase("pools.inference.slots=choice(2,x)", "pools.inference.slots")]
    public void Bad_input_exits_2_and_writes_nothing(string param, string message)
    {
        using var tmp = new TempDirectory();
        CliRun run = CliRun.Execute(["explore", Mmc, "--param", param, "--samples", "4", .. Short, "--out", tmp.File("o")]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr + run.Stdout);
            Assert.That(run.Stderr, Does.Contain(message));
            Assert.That(Directory.GetFileSystemEntries(tmp.Path), Is.Empty, "nothing written");
        });
    }

    [TestCase("--method", "halton", "lhs or sobol")]
    [TestCase("--phase", "arrival_rate,servers", "not one of the --param inputs")]
    [TestCase("--lag-threshold", "-1", "--lag-threshold")]
    [TestCase("--samples", "1", "at least 2")]
    public void Bad_options_exit_2_and_write_nothing(string option, string value, string message)
    {
        using var tmp = new TempDirectory();
        string[] samples = option == "--samples" ? [] : ["--samples", "4"];
        CliRun run = CliRun.Execute(["explore", Mmc, "--param", "arrival_rate=uniform(2,3)", .. samples, option, value, .. Short, "--out", tmp.File("o")]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr + run.Stdout);
            Assert.That(run.Stderr, Does.Contain(message));
            Assert.That(Directory.GetFileSystemEntries(tmp.Path), Is.Empty, "nothing written");
        });
    }

    private static Dictionary<string, (double Estimate, double Lower, double Upper)> Sensitivity(string dir, string output, string measure)
    {
        var rows = File.ReadAllLines(Path.Combine(dir, "sensitivity.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == output && f[2] == measure).ToList();
        Assert.That(rows, Is.Not.Empty, $"{output} {measure} in sensitivity.csv");
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return rows.ToDictionary(f => f[1], f => (D(f[3]), D(f[4]), D(f[5])));
    }

    private static void Ok(CliRun run) => Assert.That(run.ExitCode, Is.EqualTo(Program.Success), run.Stderr + run.Stdout);

    private static void AssertSameFiles(string expectedDir, string actualDir, string what)
    {
        static List<string> Files(string dir) =>
            Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        var expected = Files(expectedDir);
        Assert.That(Files(actualDir), Is.EqualTo(expected), what);
        Assert.That(expected, Has.Count.GreaterThan(10));
        foreach (string f in expected)
            Assert.That(File.ReadAllBytes(Path.Combine(actualDir, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedDir, f))), $"{what}: {f}");
    }
}
