using HacaSim.Cli;
using HacaSim.Experiments.Output;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Properties;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// Issue 18, result directories: never mixed with an earlier or a concurrent run's files, never a place that is
/// not ours, names from scenarios and variants never leave their folder.
/// </summary>
public class ResultDirectoryTests
{
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");
    private static readonly string[] Short = ["--duration", "200", "--warmup", "20", "--replications", "1", "--quiet"];

    [Test]
    public void An_existing_out_is_refused_and_force_replaces_it_whole()
    {
        using var tmp = new TempDirectory();
        string out_ = tmp.File("run");
        Assert.That(CliRun.Execute(["run", Mmc, "--out", out_, "--log-requests", .. Short]).ExitCode, Is.EqualTo(Program.Success));
        File.WriteAllText(Path.Combine(out_, "stale.txt"), "from an earlier run");
        CliRun again = CliRun.Execute(["run", Mmc, "--out", out_, .. Short]);
        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(Program.BadInput), again.Stderr);
            Assert.That(again.Stderr, Does.Contain("already exists").And.Contain("--force"));
            Assert.That(File.Exists(Path.Combine(out_, "requests.csv")), Is.True, "the refused run left the old results alone");
        });
        CliRun forced = CliRun.Execute(["run", Mmc, "--out", out_, "--force", .. Short]);
        Assert.Multiple(() =>
        {
            Assert.That(forced.ExitCode, Is.EqualTo(Program.Success), forced.Stderr);
            Assert.That(File.Exists(Path.Combine(out_, "requests.csv")), Is.False, "no file of the earlier run survives");
            Assert.That(File.Exists(Path.Combine(out_, "stale.txt")), Is.False);
            Assert.That(File.Exists(Path.Combine(out_, "summary.json")), Is.True);
            Assert.That(Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "run" }), "no staging or old copy left");
        });
    }

    [Test]
    public void Force_never_replaces_a_directory_that_is_not_a_results_directory_nor_the_root_home_or_working_directory()
    {
        using var tmp = new TempDirectory();
        string mine = tmp.File("thesis");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "chapter1.tex"), "precious");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cases = new[] { (mine, "not a HACA-sim results directory"), ("/", "root"), (".", "working directory"), (home, "home") };
        Assert.Multiple(() =>
        {
            foreach (var (dir, message) in cases)
            {
                CliRun run = CliRun.Execute(["run", Mmc, "--out", dir, "--force", .. Short]);
                Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), $"{dir}: {run.Stderr}");
                Assert.That(run.Stderr, Does.Contain(message), dir);
            }
            Assert.That(File.ReadAllText(Path.Combine(mine, "chapter1.tex")), Is.EqualTo("precious"));
        });
    }

    [Test]
    public void Default_directories_are_unique_even_when_claimed_in_the_same_second()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("results/runs/x-20250101-120000");
        var first = ResultDirectory.Claim(null, path, force: false);
        var second = ResultDirectory.Claim(null, path, force: false);
        File.WriteAllText(Path.Combine(first.Staging, "summary.json"), "1");
        File.WriteAllText(Path.Combine(second.Staging, "summary.json"), "2");
        first.Complete();
        second.Complete();
        var third = ResultDirectory.Claim(null, path, force: false);
        Assert.Multiple(() =>
        {
            Assert.That(first.Target, Is.EqualTo(path));
            Assert.That(second.Target, Is.EqualTo(path + "-2"));
            Assert.That(third.Target, Is.EqualTo(path + "-3"));
            Assert.That(File.ReadAllText(Path.Combine(path, "summary.json")), Is.EqualTo("1"));
            Assert.That(File.ReadAllText(Path.Combine(path + "-2", "summary.json")), Is.EqualTo("2"));
        });
    }

    [Test]
    public void Two_commands_into_one_explicit_out_never_mix_the_second_is_refused()
    {
        using var tmp = new TempDirectory();
        string out_ = tmp.File("o");
        var first = ResultDirectory.Claim(out_, "", force: false);
        var second = ResultDirectory.Claim(out_, "", force: false);
        File.WriteAllText(Path.Combine(first.Staging, "summary.json"), "1");
        File.WriteAllText(Path.Combine(second.Staging, "summary.json"), "2");
        first.Complete();
        var e = Assert.Throws<InputException>(second.Complete);
        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("another command").And.Contain(second.Staging));
            Assert.That(File.ReadAllText(Path.Combine(out_, "summary.json")), Is.EqualTo("1"));
        });
    }

    [TestCase("../../../escaped", "escaped")]
    [TestCase("/etc/passwd", "etc-passwd")]
    [TestCase("..", "scenario")]
    // A raw newline or escape in a test name breaks the test adapter's result matching (it reported the case failed), hence TestName.
    [TestCase(".hidden name\n\u001b[31m", "hidden-name-31m", TestName = "Scenario_names_become_safe_slugs(control characters)")]
    [TestCase("baseline", "baseline")]
    public void Scenario_names_become_safe_slugs(string name, string slug)
    {
        Assert.That(ResultDirectory.Slug(name), Is.EqualTo(slug));
        string path = ResultDirectory.DefaultPath("runs", name);
        Assert.That(Path.GetDirectoryName(path), Is.EqualTo(Path.Combine("results", "runs")), "stays in results/runs");
    }

    [Test]
    public void A_slug_is_at_most_64_characters()
    {
        Assert.That(ResultDirectory.Slug(new string('a', 300_000)), Has.Length.EqualTo(64));
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("../up")]
    [TestCase("/abs")]
    public void Variant_names_that_are_not_folder_names_are_refused(string name)
    {
        using var tmp = new TempDirectory();
        CliRun run = CliRun.Execute(["compare", Mmc, "--variant", $"{name}:arrival_rate=2", "--variant", "b:arrival_rate=3", "--out", tmp.File("c"), .. Short]);
        Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr);
        Assert.That(run.Stderr, Does.Contain("variant name"));
        Assert.That(Directory.GetFileSystemEntries(tmp.Path), Is.Empty);
    }

    [TestCase("")]
    [TestCase("/proc")]
    [TestCase("/dev/null")]
    [TestCase("/")]
    public void Out_that_cannot_be_a_results_directory_is_refused(string out_)
    {
        CliRun run = CliRun.Execute(["run", Mmc, "--out", out_, .. Short]);
        Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr);
        Assert.That(run.Stderr, Does.Not.Contain("This is a bug"));
    }
}
