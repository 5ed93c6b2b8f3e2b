using System.Collections.Concurrent;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Run;
using HacaSim.Experiments.Sweep;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// Inputs are read once per command (issue 14): the scenario file and every data file it names are opened once,
/// however many replications, grid points, warm-up pilots or precision batches bind them. The commands read through
/// a <see cref="ScenarioSource"/>; here its reader is the disk reader with a count of opens per file around it.
/// </summary>
public class InputsReadOnceTests
{
    /// <summary>The real disk reader, counting how often each file is opened.</summary>
    private sealed class CountingInput : IInputReader
    {
        private readonly DiskInput _disk = new();
        public ConcurrentDictionary<string, int> Opens { get; } = new();

        public string ReadText(string path, string what, long maxBytes)
        {
            Count(path);
            return _disk.ReadText(path, what, maxBytes);
        }

        public TextReader OpenText(string path, string what, long maxBytes)
        {
            Count(path);
            return _disk.OpenText(path, what, maxBytes);
        }

        private void Count(string path) => Opens.AddOrUpdate(Path.GetFullPath(path), 1, (_, n) => n + 1);
    }

    private static string Scenario(string name) => RepositoryPaths.Scenario(name);

    [Test]
    public void Run_of_three_replications_reads_the_scenario_and_the_trace_once()
    {
        var input = new CountingInput();
        string path = Scenario("trace-replay.yaml");
        var source = ScenarioSource.Read(path, input);
        var settings = new RunSettings(path, ["run.replications=3", "run.duration_s=900"], Threads: 2);
        var loaded = source.With(settings.Overrides);
        var outputs = new RunOutputs(TestScratch.NewPath("read-once-run"), loaded, logRequests: false);
        var (_, results, _) = RunExecution.Execute(settings, source, loaded, outputs, ScenarioCatalogs.Default);

        Assert.That(results, Has.Count.EqualTo(3));
        string trace = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "traces", "azure-llm-2023-conv.csv"));
        Assert.That(input.Opens, Is.EquivalentTo(new Dictionary<string, int> { [Path.GetFullPath(path)] = 1, [trace] = 1 }));
    }

    [Test]
    public void Run_with_auto_warmup_and_precision_reads_the_scenario_once()
    {
        var input = new CountingInput();
        string path = Scenario("baseline.yaml");
        var source = ScenarioSource.Read(path, input);
        var settings = new RunSettings(path, ["run.duration_s=900"], Threads: 2, AutoWarmup: true, Precision: 0.2, MaxReplications: 6);
        var loaded = source.With([.. settings.Overrides, "run.warmup_s=0"]);
        var outputs = new RunOutputs(TestScratch.NewPath("read-once-precision"), loaded, logRequests: false);
        var (final, results, _) = RunExecution.Execute(settings, source, loaded, outputs, ScenarioCatalogs.Default);

        // The pilot and the precision batches re-bound the scenario (a detected warm-up, a replication count), from the one read.
        Assert.That(final, Is.Not.SameAs(loaded));
        Assert.That(results.Count, Is.GreaterThanOrEqualTo(2));
        Assert.That(input.Opens, Is.EquivalentTo(new Dictionary<string, int> { [Path.GetFullPath(path)] = 1 }));
    }

    [Test]
    public void Sweep_of_three_points_reads_the_scenario_once()
    {
        var input = new CountingInput();
        string path = Scenario("baseline.yaml");
        var source = ScenarioSource.Read(path, input);
        var sweep = SweepExperiment.Run(source, ["run.replications=2", "run.duration_s=600", "run.warmup_s=100"],
            [SweepParameter.Parse("arrival_rate=4,6,8")], threads: 2, TestScratch.NewPath("read-once-sweep"));

        Assert.That(sweep!.Points, Has.Count.EqualTo(3));
        Assert.That(input.Opens, Is.EquivalentTo(new Dictionary<string, int> { [Path.GetFullPath(path)] = 1 }));
    }

    [Test]
    public void Every_binding_of_a_source_shares_the_one_trace_it_read()
    {
        var source = ScenarioSource.Read(Scenario("trace-replay.yaml"), new CountingInput());
        var a = source.With(["run.replications=3"]).Scenario.Traffic.Arrival!;
        var b = source.With(["run.replications=5"]).Scenario.Traffic.Arrival!;
        Assert.That(a.Data?.Trace, Is.Not.Null);
        Assert.That(b.Data!.Trace, Is.SameAs(a.Data!.Trace));
    }
}
