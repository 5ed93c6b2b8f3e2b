using System.Diagnostics;
using HacaSim.Cli;
using HacaSim.Scenarios;
using HacaSim.Tests.Properties;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>
/// Issue 18, exit codes: the whole CLI over a table of user and environment errors (bad files, bad --out, damaged
/// results, bad numbers, hostile values). Every one must exit 2 with a short message naming the problem; none may
/// exit 1, print "This is a bug", a stack trace or a .NET type name. Each case is in-process and stops before simulating.
/// </summary>
[NonParallelizable]
public class CliRobustnessTests
{
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");
    private static readonly string Trace = RepositoryPaths.Scenario("trace-replay.yaml");
    private static readonly string Churn = RepositoryPaths.Scenario("faults/verifier-churn.yaml");
    private static readonly string Outage = RepositoryPaths.Scenario("faults/tee-outage.yaml");
    private static readonly string Scratch = TestScratch.NewPath("hacasim-robust");

    private static string F(string name) => Path.Combine(Scratch, name);

    /// <summary>The files the cases point at: a plain file, a FIFO, a dangling link, a damaged results directory, a foreign directory.</summary>
    [OneTimeSetUp]
    public void MakeFiles()
    {
        Directory.CreateDirectory(Scratch);
        File.WriteAllText(F("file.txt"), "not a directory");
        using (var mkfifo = Process.Start("mkfifo", [F("fifo.yaml")])) mkfifo.WaitForExit();
        File.CreateSymbolicLink(F("dangling.yaml"), F("nothing-here"));
        File.CreateSymbolicLink(F("zero.csv"), "/dev/zero");
        Directory.CreateDirectory(F("corrupt-run"));
        File.WriteAllText(F("corrupt-run/summary.json"), "{\"scenario\": [1, 2");
        Directory.CreateDirectory(F("foreign"));
        File.WriteAllText(F("foreign/notes.txt"), "mine");
        Directory.CreateDirectory(F("fifo-part"));
        using (var mkfifo = Process.Start("mkfifo", [F("fifo-part/manifest.json")])) mkfifo.WaitForExit();
        Directory.CreateDirectory(F("empty-part"));
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        string deep = "${" + new string('(', 1100) + "1" + new string(')', 1100) + "}";
        var table = new (string Name, string[] Args, string Message)[]
        {
            ("validate ''", ["validate", ""], "expected a file path"),
            ("validate /dev/zero", ["validate", "/dev/zero"], "not a regular file"),
            ("validate a directory", ["validate", Path.GetTempPath()], "is a directory"),
            ("validate a FIFO", ["validate", F("fifo.yaml")], "not a regular file"),
            ("validate a dangling symlink", ["validate", F("dangling.yaml")], "does not exist"),
            ("validate a missing file", ["validate", F("missing.yaml")], "not found"),
            ("run a directory as scenario", ["run", Scratch], "is a directory"),
            ("trace: missing absolute path", ["validate", Trace, "--set", "trace_file=/nonexistent/trace.csv"], "not found"),
            ("trace: a directory", ["validate", Trace, "--set", $"trace_file={Scratch}"], "is a directory"),
            ("trace: a dangling symlink", ["validate", Trace, "--set", $"trace_file={F("dangling.yaml")}"], "does not exist"),
            ("trace: /dev/zero via symlink", ["validate", Trace, "--set", $"trace_file={F("zero.csv")}"], "not a regular file"),
            ("trace: limit 1e10", ["validate", Trace, "--set", "traffic.arrival.limit=1e10"], "limit"),
            ("--out a file", ["run", Mmc, "--out", F("file.txt")], "is a file"),
            ("--out under a file", ["run", Mmc, "--out", F("file.txt/sub")], "is a file"),
            ("--out empty", ["run", Mmc, "--out", ""], "expected a directory path"),
            ("--out /proc", ["run", Mmc, "--out", "/proc"], "system directory"),
            ("--out under /proc", ["run", Mmc, "--out", "/proc/self/results"], "system directory"),
            ("--out /dev/null", ["run", Mmc, "--out", "/dev/null"], "system directory"),
            ("--out /", ["run", Mmc, "--out", "/"], "root"),
            ("--out existing", ["run", Mmc, "--out", F("foreign")], "already exists"),
            ("--out existing foreign with --force", ["run", Mmc, "--out", F("foreign"), "--force"], "not a HACA-sim results directory"),
            ("--out . with --force", ["run", Mmc, "--out", ".", "--force"], "working directory"),
            ("sweep --out a file", ["sweep", Mmc, "--param", "arrival_rate=1,2", "--out", F("file.txt")], "is a file"),
            ("report on corrupt summary.json", ["report", F("corrupt-run")], "cannot read the results"),
            ("report on a directory without results", ["report", Scratch], "no summary.json"),
            ("report on a file", ["report", F("file.txt")], "no summary.json"),
            ("slurm --work on a file", ["slurm", "run", Mmc, "--out", F("o1"), "--work", F("file.txt"), "--tasks", "2"], "is a file"),
            ("slurm missing scenario", ["slurm", "run", F("missing.yaml"), "--out", F("o2"), "--tasks", "2"], "not found"),
            ("slurm 2^31-1 tasks", ["slurm", "run", Mmc, "--out", F("o3"), "--tasks", "2147483647"], "--tasks"),
            ("slurm --log-requests", ["slurm", "run", Mmc, "--out", F("o4"), "--tasks", "2", "--log-requests"], "cannot be sharded"),
            ("slurm newline in --out", ["slurm", "run", Mmc, "--out", F("o5\ntouch x"), "--tasks", "2"], "control character"),
            ("--replications three", ["run", Mmc, "--replications", "three"], "as a whole number"),
            ("--seed -1", ["run", Mmc, "--seed", "-1"], "--seed"),
            ("--duration abc", ["run", Mmc, "--duration", "abc"], "as a number"),
            ("--threads 0", ["run", Mmc, "--threads", "0"], "--threads"),
            ("--warmup abc", ["run", Mmc, "--warmup", "abc"], "--warmup"),
            ("--precision 2", ["run", Mmc, "--precision", "2"], "--precision"),
            ("--duration 0", ["validate", Mmc, "--set", "run.duration_s=0"], "duration_s"),
            ("duration below resolution", ["validate", Mmc, "--set", "run={duration_s: 1e-8}"], "time resolution"),
            ("sample interval below resolution", ["validate", Mmc, "--set", "run.sample_interval_s=5e-10"], "time resolution"),
            ("--shard 0/0", ["run", Mmc, "--shard", "0/0", "--out", F("s1")], "--shard"),
            ("--shard 0/300000000", ["run", Mmc, "--shard", "0/300000000", "--out", F("s2")], "--shard"),
            ("sweep of 8000 points", ["sweep", Mmc, "--param", "arrival_rate=1:8000:1", "--out", F("s3")], "work units"),
            ("sweep without --param", ["sweep", Mmc, "--out", F("s4")], "--param"),
            ("compare without variants", ["compare", Mmc, "--out", F("c1")], "at least two variants"),
            ("compare variant ..", ["compare", Mmc, "--variant", "..:arrival_rate=2", "--variant", "b:arrival_rate=3", "--out", F("c2")], "variant name"),
            ("merge a missing part", ["merge", "--out", F("m1"), F("no-such-part")], "manifest.json"),
            ("merge a directory that is no part", ["merge", "--out", F("m2"), F("empty-part")], "manifest.json"),
            ("merge a FIFO manifest", ["merge", "--out", F("m3"), F("fifo-part")], "not a regular file"),
            ("--set nested 1100 deep", ["validate", Mmc, "--set", "run=" + new string('[', 1100) + new string(']', 1100)], "nesting deeper"),
            ("--set expression 1100 deep", ["validate", Mmc, "--set", "run.replications=" + deep], "nested deeper"),
            ("--set YAML tag", ["validate", Mmc, "--set", "run={duration_s: !!str 100}"], "tags"),
            ("--set two documents", ["validate", Mmc, "--set", "run={duration_s: 100}\n---\n{}"], "one YAML document"),
            ("faults: mtbf 0 and mttr 0", ["validate", Churn, "--set", "faults.node_failures={verification: {mtbf_s: 0, mttr_s: 0}}"], "time resolution"),
            ("faults: mtbf 1e-6", ["validate", Churn, "--set", "faults.node_failures={verification: {mtbf_s: 1e-6, mttr_s: 1e-6}}"], "events expected"),
            ("faults: fallback to itself", ["validate", Outage, "--set", "fallback_path=tee"], "falls back to itself"),
            ("unknown command", ["frobnicate"], "error"),
        };
        foreach (var (name, args, message) in table)
            yield return new TestCaseData(args, message).SetName($"CLI robustness: {name}");
    }

    [TestCaseSource(nameof(Cases))]
    public void A_user_or_environment_error_exits_2_with_a_short_message(string[] args, string message)
    {
        CliRun run = CliRun.Execute(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr.Length > 2000 ? run.Stderr[..2000] : run.Stderr);
            Assert.That(run.Stderr, Does.Contain(message));
            Assert.That(run.Stderr, Does.Not.Contain("This is a bug"));
            Assert.That(run.Stderr, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(run.Stderr, Does.Not.Contain("System.").And.Not.Contain("Exception"), "no .NET type names");
            Assert.That(run.Stderr.Length, Is.LessThan(4000), "a short message, echoed input cut");
        });
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Directory.Exists(Scratch)) Directory.Delete(Scratch, recursive: true);
    }
}
