using System.Diagnostics;
using HacaSim.Cli;
using HacaSim.Engine;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Properties;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// Issue 18, inputs and faults: only regular files are read (devices, FIFOs, directories refused before any read),
/// long lines are refused and echoed input cut short, nesting depth is one limit for files and --set, tags and second
/// documents are refused, times below the resolution and zero-length fault loops are refused, the up-front cost
/// estimate counts fault events and experiment sizes, and a livelock stops with a clear error.
/// </summary>
public class InputHardeningTests
{
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");
    private static readonly string Trace = RepositoryPaths.Scenario("trace-replay.yaml");
    private static readonly string Churn = RepositoryPaths.Scenario("faults/verifier-churn.yaml");
    private static readonly string Outage = RepositoryPaths.Scenario("faults/tee-outage.yaml");

    private static void Refused(string[] args, string message)
    {
        var clock = Stopwatch.StartNew();
        CliRun run = CliRun.Execute(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), string.Join(" ", args) + ": " + run.Stderr);
            Assert.That(run.Stderr, Does.Contain(message));
            Assert.That(run.Stderr, Does.Not.Contain("This is a bug").And.Not.Contain("   at "));
            Assert.That(run.Stderr.Length, Is.LessThan(3000), "echoed input is cut short");
        });
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
    }

    [Test]
    public void Devices_FIFOs_directories_and_symlinks_to_them_are_refused_as_scenarios_before_any_read()
    {
        using var tmp = new TempDirectory();
        MakeFifo(tmp.File("fifo.yaml"));
        File.CreateSymbolicLink(tmp.File("zero.yaml"), "/dev/zero");
        File.CreateSymbolicLink(tmp.File("dangling.yaml"), tmp.File("nothing-here.yaml"));
        Refused(["validate", "/dev/zero"], "not a regular file");
        Refused(["validate", tmp.File("zero.yaml")], "not a regular file");
        Refused(["validate", tmp.File("fifo.yaml")], "not a regular file");
        Refused(["validate", tmp.Path], "is a directory");
        Refused(["validate", tmp.File("dangling.yaml")], "does not exist");
        Refused(["validate", ""], "expected a file path");
    }

    [Test]
    public void A_trace_that_is_a_device_FIFO_directory_dangling_link_or_missing_absolute_path_is_refused()
    {
        using var tmp = new TempDirectory();
        MakeFifo(tmp.File("fifo.csv"));
        File.CreateSymbolicLink(tmp.File("dangling.csv"), tmp.File("nothing.csv"));
        foreach (var (trace, message) in new[]
                 {
                     ("/dev/zero", "not a regular file"), (tmp.File("fifo.csv"), "not a regular file"), (tmp.Path, "is a directory"),
                     (tmp.File("dangling.csv"), "does not exist"), ("/nonexistent/trace.csv", "not found"),
                 })
            Refused(["validate", Trace, "--set", $"trace_file={trace}"], message);
    }

    [Test]
    public void A_trace_line_longer_than_the_bound_is_refused_and_not_echoed_whole()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("long.csv"), "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,1," + new string('9', 1_000_000) + "\n");
        Refused(["validate", Trace, "--set", $"trace_file={tmp.File("long.csv")}"], "longer than 4096 characters");
        File.WriteAllText(tmp.File("bad.csv"), "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,1,x" + new string('y', 3000) + "\n");
        Refused(["validate", Trace, "--set", $"trace_file={tmp.File("bad.csv")}"], "characters)");
    }

    [TestCase(1100)]
    [TestCase(100_000)]
    public void Deeply_nested_expressions_are_refused_from_set_and_from_a_file(int depth)
    {
        string parens = "${" + new string('(', depth) + "1" + new string(')', depth) + "}";
        string signs = "${" + new string('-', depth) + "1}";
        Refused(["validate", Mmc, "--set", $"run.replications={parens}"], "nested deeper than 64");
        Refused(["validate", Mmc, "--set", $"run.duration_s={signs}"], "nested deeper than 64");
        using var tmp = new TempDirectory();
        string yaml = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Mmc), "^description:.*$", $"description: \"{parens}\"",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        File.WriteAllText(tmp.File("deep.yaml"), yaml);
        Refused(["validate", tmp.File("deep.yaml")], "nested deeper than 64");
    }

    [Test]
    public void Set_values_have_the_files_nesting_limit_and_refuse_tags_and_second_documents()
    {
        Refused(["validate", Mmc, "--set", "run=" + new string('[', 1100) + new string(']', 1100)], "nesting deeper than 64");
        Refused(["validate", Mmc, "--set", "run={duration_s: !!str 100}"], "tags");
        Refused(["validate", Mmc, "--set", "run={duration_s: 100}\n---\n{duration_s: 5}"], "one YAML document");
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("tag.yaml"), File.ReadAllText(Mmc).Replace("run:", "run: !custom", StringComparison.Ordinal));
        Refused(["validate", tmp.File("tag.yaml")], "tags");
    }

    [TestCase("run={duration_s: 1e-8}", "run.duration_s")]
    [TestCase("run.sample_interval_s=5e-10", "run.sample_interval_s")]
    public void Times_below_the_resolution_are_refused(string set, string field)
    {
        Refused(["validate", Mmc, "--set", set], "below the time resolution");
        Refused(["validate", Mmc, "--set", set], field);
    }

    [Test]
    public void Zero_length_fault_loops_and_a_fallback_to_itself_are_refused()
    {
        Refused(["validate", Churn, "--set", "faults.node_failures={verification: {mtbf_s: 0, mttr_s: 0}}"], "below the time resolution");
        Refused(["validate", Churn, "--set", "faults.node_failures={verification: {mtbf_s: 1, mttr_s: 0}}"], "mttr_s");
        Refused(["validate", Outage, "--set", "fallback_path=tee"], "falls back to itself");
        Refused(["validate", Churn, "--set", "faults.retry_backoff_s=1e-9"], "faults.retry_backoff_s");
    }

    [Test]
    public void Fault_events_are_part_of_the_cost_estimate()
    {
        Refused(["validate", Churn, "--set", "faults.node_failures={verification: {mtbf_s: 1e-6, mttr_s: 1e-6}}"], "events expected");
    }

    [Test]
    public void A_sweep_grid_beyond_the_work_unit_limit_is_refused_before_running()
    {
        using var tmp = new TempDirectory();
        Refused(["sweep", Mmc, "--param", "arrival_rate=1:8000:1", "--out", tmp.File("s")], "work units");
        Assert.That(Directory.GetFileSystemEntries(tmp.Path), Is.Empty);
    }

    [Test]
    public void A_livelock_stops_with_a_clear_error()
    {
        var sim = new Simulation { MaxEventsPerInstant = 1000 };
        void Again(object? _) => sim.Schedule(0, Again);
        sim.Schedule(5, Again);
        var e = Assert.Throws<SimulationStalledException>(() => sim.Run(100));
        Assert.Multiple(() =>
        {
            Assert.That(e!.TimeSeconds, Is.EqualTo(5));
            Assert.That(e.Message, Does.Contain("no progress in simulated time"));
        });
    }

    [Test]
    public void Bursts_at_one_instant_below_the_bound_are_fine()
    {
        var sim = new Simulation { MaxEventsPerInstant = 1000 };
        int fired = 0;
        for (int i = 0; i < 1000; i++) sim.Schedule(1, _ => fired++);
        sim.Schedule(2, _ => fired++);
        sim.Run(10);
        Assert.That(fired, Is.EqualTo(1001));
    }
}
