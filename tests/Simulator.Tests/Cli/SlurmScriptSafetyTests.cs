using System.Diagnostics;
using HacaSim.Cli;
using HacaSim.Scenarios;
using HacaSim.Tests.Properties;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>
/// Issue 18, Slurm: every path and argument in the generated scripts is quoted (a hostile --out, --work or
/// argument runs nothing), control characters in paths are refused, and options every task would refuse, a
/// missing scenario and absurd task counts are refused when the scripts are written.
/// </summary>
public class SlurmScriptSafetyTests
{
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");

    [Test]
    public void Hostile_paths_and_arguments_are_quoted_so_running_the_scripts_executes_nothing_of_them()
    {
        using var tmp = new TempDirectory();
        string pwned = tmp.File("PWNED");
        // A quote, $(), backticks, ;, spaces and a glob: each would run or split something if unquoted. (A double
        // quote, backslash, % or # is refused in the work directory: it goes into #SBATCH --output.)
        string hostile = $"o '1; touch {pwned}; $(touch {pwned}) `touch {pwned}` *";
        string out_ = tmp.File(hostile);
        CliRun slurm = CliRun.Execute(["slurm", "run", Mmc, "--set", $"name=x'; touch {pwned}; '", "--out", out_, "--tasks", "2", "--hacasim", "/bin/echo"]);
        Assert.That(slurm.ExitCode, Is.EqualTo(Program.Success), slurm.Stderr);
        string work = out_ + ".slurm";
        string array = File.ReadAllText(Path.Combine(work, "array.sh"));
        string arrayOut = Bash(Path.Combine(work, "array.sh"), ("SLURM_ARRAY_TASK_ID", "1"));
        string mergeOut = Bash(Path.Combine(work, "merge.sh"));
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(pwned), Is.False, "nothing in a path or argument was executed");
            Assert.That(arrayOut, Does.Contain($"--out {work}/parts/part-1 --force"), "the path arrives as one word, unchanged");
            Assert.That(arrayOut, Does.Contain($"name=x'; touch {pwned}; '"));
            Assert.That(mergeOut, Does.Contain($"merge --out {out_} {work}/parts/part-0 {work}/parts/part-1"));
            Assert.That(array.Split('\n').Single(l => l.StartsWith("#SBATCH --output=", StringComparison.Ordinal)),
                Is.EqualTo($"#SBATCH --output=\"{work}/logs/part-%a.out\""));
        });
    }

    [TestCase("out")]
    [TestCase("work")]
    [TestCase("argument")]
    public void A_newline_or_NUL_in_a_path_or_argument_is_refused(string where)
    {
        using var tmp = new TempDirectory();
        string pwned = tmp.File("PWNED");
        string bad = tmp.File($"o1\ntouch {pwned}\n#");
        string[] args = where switch
        {
            "out" => ["slurm", "run", Mmc, "--out", bad, "--tasks", "2"],
            "work" => ["slurm", "run", Mmc, "--out", tmp.File("o"), "--work", bad, "--tasks", "2"],
            _ => ["slurm", "run", Mmc, "--set", "name=a\0b", "--out", tmp.File("o"), "--tasks", "2"],
        };
        CliRun slurm = CliRun.Execute(args);
        Assert.Multiple(() =>
        {
            Assert.That(slurm.ExitCode, Is.EqualTo(Program.BadInput), slurm.Stderr);
            Assert.That(slurm.Stderr, Does.Contain("control character"));
            Assert.That(Directory.GetFileSystemEntries(tmp.Path), Is.Empty, "no script written");
        });
    }

    [TestCase("--log-requests")]
    [TestCase("--precision", "0.1")]
    [TestCase("--warmup", "auto")]
    public void Options_that_cannot_shard_are_refused_at_generation(params string[] option)
    {
        using var tmp = new TempDirectory();
        CliRun slurm = CliRun.Execute(["slurm", "run", Mmc, .. option, "--out", tmp.File("o"), "--tasks", "2"]);
        Assert.That(slurm.ExitCode, Is.EqualTo(Program.BadInput), slurm.Stderr);
        Assert.That(slurm.Stderr, Does.Contain("cannot be sharded"));
        Assert.That(Directory.Exists(tmp.File("o.slurm")), Is.False);
    }

    [Test]
    public void A_missing_scenario_absurd_task_counts_an_existing_out_and_a_work_file_are_refused()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("file"), "x");
        Directory.CreateDirectory(tmp.File("exists"));
        var cases = new[]
        {
            (new[] { "slurm", "run", tmp.File("missing.yaml"), "--out", tmp.File("o"), "--tasks", "2" }, "missing.yaml"),
            (["slurm", "run", Mmc, "--out", tmp.File("o"), "--tasks", "2147483647"], "--tasks"),
            (["slurm", "run", Mmc, "--out", tmp.File("exists"), "--tasks", "2"], "already exists"),
            (["slurm", "run", Mmc, "--out", tmp.File("o"), "--work", tmp.File("file"), "--tasks", "2"], "is a file"),
            (["slurm", "run", Mmc, "--out", tmp.File("o"), "--work", tmp.File("a%b"), "--tasks", "2"], "--work"),
        };
        Assert.Multiple(() =>
        {
            foreach (var (args, message) in cases)
            {
                CliRun slurm = CliRun.Execute(args);
                Assert.That(slurm.ExitCode, Is.EqualTo(Program.BadInput), string.Join(" ", args) + ": " + slurm.Stderr);
                Assert.That(slurm.Stderr, Does.Contain(message));
            }
            Assert.That(Directory.Exists(tmp.File("o.slurm")), Is.False);
        });
    }

    [Test]
    public void Force_reaches_the_merge_job_only_when_given()
    {
        using var tmp = new TempDirectory();
        Assert.That(CliRun.Execute(["slurm", "run", Mmc, "--out", tmp.File("a"), "--tasks", "2"]).ExitCode, Is.EqualTo(Program.Success));
        Assert.That(CliRun.Execute(["slurm", "run", Mmc, "--out", tmp.File("b"), "--force", "--tasks", "2"]).ExitCode, Is.EqualTo(Program.Success));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(tmp.File("a.slurm/merge.sh")), Does.Not.Contain("--force"));
            Assert.That(File.ReadAllText(tmp.File("b.slurm/merge.sh")), Does.Contain("--force"));
        });
    }

    private static string Bash(string script, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in env) start.Environment[name] = value;
        using Process p = Process.Start(start)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), $"{script}: {stdout}{stderr}");
        return stdout;
    }
}
