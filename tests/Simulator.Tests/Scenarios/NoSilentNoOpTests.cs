using HacaSim.Cli;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Properties;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// Issue 18, no silent no-ops: a declared parameter nothing uses is reported by validate and refused by --set,
/// --param and --variant; shorthand options and --set work when the block is absent; messages name scenario keys,
/// not C# parameters, point at the right line for a tab, and names cannot carry escape sequences or line breaks.
/// </summary>
public class NoSilentNoOpTests
{
    private static readonly string Baseline = RepositoryPaths.Scenario("baseline.yaml");
    private const string ReplaceArrival = "traffic.arrival={process: poisson, rate: 3}";

    private const string NoRunBlock = """
        name: norun
        traffic:
          arrival: {process: poisson, rate: 1}
          classes:
            - {name: a, share: 1, inference_s: {dist: exponential, mean: 0.5}, paths: {vanilla: 1}}
        pools:
          inference: {nodes: 2, slots: 1}
        roles: {inference: inference, verification: inference, data: inference}
        """;

    [Test]
    public void A_parameter_whose_every_reference_was_replaced_is_reported_by_validate()
    {
        CliRun run = CliRun.Execute("validate", Baseline, "--set", ReplaceArrival);
        Assert.That(run.ExitCode, Is.EqualTo(Program.Success), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("warning: parameter \"arrival_rate\" is declared but nothing in the scenario uses it"));
        Assert.That(CliRun.Execute("validate", Baseline).Stdout, Does.Not.Contain("warning"), "the shipped scenario uses all its parameters");
    }

    [Test]
    public void Setting_sweeping_or_varying_an_unused_parameter_is_refused()
    {
        using var tmp = new TempDirectory();
        var cases = new[]
        {
            new[] { "validate", Baseline, "--set", ReplaceArrival, "--set", "arrival_rate=9" },
            ["sweep", Baseline, "--set", ReplaceArrival, "--param", "arrival_rate=2,20", "--out", tmp.File("s"), "--duration", "100", "--warmup", "10"],
            ["compare", Baseline, "--set", ReplaceArrival, "--variant", "a:arrival_rate=2", "--variant", "b:arrival_rate=20", "--out", tmp.File("c"),
                "--duration", "100", "--warmup", "10"],
        };
        Assert.Multiple(() =>
        {
            foreach (string[] args in cases)
            {
                CliRun run = CliRun.Execute(args);
                Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), $"{args[0]}: {run.Stderr}");
                Assert.That(run.Stderr, Does.Contain("\"arrival_rate\" is declared, but nothing in the resolved scenario uses it"), args[0]);
            }
            Assert.That(Directory.GetFileSystemEntries(tmp.Path), Is.Empty);
        });
    }

    [Test]
    public void Shorthand_options_and_set_work_when_the_run_block_is_absent()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("norun.yaml"), NoRunBlock);
        CliRun validate = CliRun.Execute("validate", tmp.File("norun.yaml"), "--set", "run.duration_s=60");
        CliRun run = CliRun.Execute("run", tmp.File("norun.yaml"), "--duration", "100", "--replications", "2", "--out", tmp.File("o"), "--quiet");
        CliRun typo = CliRun.Execute("validate", tmp.File("norun.yaml"), "--set", "run.duraton_s=60");
        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(Program.Success), validate.Stderr);
            Assert.That(validate.Stdout, Does.Contain("60 s x 1 replication(s)"));
            Assert.That(run.ExitCode, Is.EqualTo(Program.Success), run.Stderr);
            Assert.That(File.ReadAllText(Path.Combine(tmp.File("o"), "scenario.resolved.yaml")), Does.Contain("duration_s: 100"));
            Assert.That(typo.ExitCode, Is.EqualTo(Program.BadInput));
            Assert.That(typo.Stderr, Does.Contain("did you mean \"duration_s\""));
        });
    }

    [Test]
    public void Messages_name_scenario_keys_not_CSharp_parameters()
    {
        CliRun run = CliRun.Execute("validate", Baseline, "--set", "traffic.arrival={process: poisson, rate: -1}");
        Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput));
        Assert.That(run.Stderr, Does.Contain("rate must be a finite number > 0").And.Not.Contain("ratePerSecond").And.Not.Contain("Parameter '"));
    }

    [Test]
    public void A_tab_is_reported_at_its_own_line()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("tab.yaml"), "name: t\nrun:\n\tduration_s: 5\n");
        CliRun run = CliRun.Execute("validate", tmp.File("tab.yaml"));
        Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput));
        Assert.That(run.Stderr, Does.StartWith($"{tmp.File("tab.yaml")}:3:1:"));
    }

    // Plain test names: a raw escape or newline in a test name hides the case from the test adapter.
    [TestCase("name=a\u001b[31mred", TestName = "Names_with_escape_sequences_are_refused")]
    [TestCase("name=two\nlines", TestName = "Names_with_line_breaks_are_refused")]
    public void Names_with_escape_sequences_or_line_breaks_are_refused(string set)
    {
        CliRun run = CliRun.Execute("validate", Baseline, "--set", set);
        Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stdout);
        Assert.That(run.Stderr, Does.Contain("without control characters").And.Not.Contain("\u001b"));
    }
}
