using System.Text.Json;
using HacaSim.Analysis.Reports;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Plan;
using HacaSim.Experiments.Run;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments.Summary;

/// <summary>
/// The report and plan targets read a run's typed <see cref="RunSummary"/> in-process (issue 14); only
/// <c>hacasim report DIR</c> reads summary.json's text. These tests hold the two readings equal: the report a run builds
/// from its typed summary renders exactly as the one read back from the directory, and a target's key path gives the
/// same number from the in-memory tree as from the file, over every number the file holds.
/// </summary>
public class TypedSummaryReadersTests
{
    private static (string Directory, RunSummary Summary, string ResolvedYaml) Run(string scenario, params string[] overrides)
    {
        string path = RepositoryPaths.Scenario(scenario);
        var source = ScenarioSource.Read(path);
        var settings = new RunSettings(path, overrides, Threads: 2);
        var loaded = source.With(settings.Overrides);
        string dir = TestScratch.NewPath("typed-summary");
        var outputs = new RunOutputs(dir, loaded, logRequests: false);
        var (final, results, _) = RunExecution.Execute(settings, source, loaded, outputs, ScenarioCatalogs.Default);
        // Built again from the same replications: RunSummaries.Of is a pure function of them.
        return (dir, RunSummaries.Of(final.Scenario, results), final.ResolvedYaml);
    }

    private static readonly object[] Scenarios =
    [
        new object[] { "chain/gas-zkml.yaml", new[] { "run.replications=2", "run.duration_s=600" } },
        new object[] { "faults/tee-outage.yaml", new[] { "run.replications=2", "run.duration_s=3000" } },
        new object[] { "baseline.yaml", new[] { "run.replications=1", "run.duration_s=600" } },
    ];

    [TestCaseSource(nameof(Scenarios))]
    public void Report_from_the_typed_summary_renders_as_the_one_read_from_the_directory(string scenario, string[] overrides)
    {
        var (dir, summary, yaml) = Run(scenario, overrides);
        string inProcess = MarkdownReport.Render(RunReport.Build(RunReportInput.Of(summary, yaml), dir));
        string fromFiles = MarkdownReport.Render(RunReport.Build(RunReportData.Load(dir), dir));
        Assert.That(inProcess, Is.EqualTo(fromFiles));
        Assert.That(File.ReadAllText(Path.Combine(dir, RunReport.MarkdownFile)), Is.EqualTo(fromFiles), "the run's own report.md");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Every_number_of_summary_json_reads_the_same_from_the_typed_summary(string scenario, string[] overrides)
    {
        var (dir, summary, _) = Run(scenario, overrides);
        using JsonDocument file = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var tree = RunSummaryWriter.Tree(summary);
        int checkedNumbers = 0;
        foreach (var (keyPath, expected) in Leaves(file.RootElement, ""))
        {
            var target = new PlanTarget(keyPath, "<=", 0);
            Assert.That(target.Read(tree), Is.EqualTo(expected), keyPath);
            checkedNumbers++;
        }
        Assert.That(checkedNumbers, Is.GreaterThan(100));
        Assert.That(RunSummaryWriter.Write(summary), Is.EqualTo(File.ReadAllText(Path.Combine(dir, "summary.json"))));
    }

    [Test]
    public void A_missing_key_names_the_keys_there()
    {
        var (_, summary, _) = Run("baseline.yaml", "run.replications=1", "run.duration_s=600");
        var e = Assert.Throws<InputException>(() => new PlanTarget("paths.zkml.nope", "<=", 1).Read(summary));
        Assert.That(e!.Message, Does.Contain("no \"nope\" under paths.zkml; keys there: count, result_latency_s, proof_lag_s, time_to_trust_s"));
    }

    /// <summary>Every number, boolean (1/0) and null under an object key (arrays skipped: targets cannot index them).</summary>
    private static IEnumerable<(string, double?)> Leaves(JsonElement e, string at)
    {
        foreach (JsonProperty p in e.EnumerateObject())
        {
            string path = at.Length == 0 ? p.Name : $"{at}.{p.Name}";
            // Key paths split on '.', so keys holding a dot are not reachable by a target.
            if (p.Name.Contains('.')) continue;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var leaf in Leaves(p.Value, path)) yield return leaf;
                    break;
                case JsonValueKind.Number: yield return (path, p.Value.GetDouble()); break;
                case JsonValueKind.True: yield return (path, 1); break;
                case JsonValueKind.False: yield return (path, 0); break;
                case JsonValueKind.Null: yield return (path, null); break;
            }
        }
    }
}

/// <summary>The console's warm-up warning reads the warm-up the run used (summary.json's), the detected one under --warmup auto.</summary>
public class ConsoleWarmupWarningTests
{
    [Test]
    public void The_warning_follows_the_chosen_warmup_not_a_fixed_check()
    {
        string path = RepositoryPaths.Scenario("baseline.yaml");
        var loaded = ScenarioSource.Read(path).With(["run.replications=1", "run.duration_s=600", "run.warmup_s=0"]);
        var results = HacaSim.Experiments.Execution.ReplicationRunner.Run(loaded.Scenario, 2, ScenarioCatalogs.Default);
        RunSummary summary = RunSummaries.Of(loaded.Scenario, results);
        string Printed(WarmupChoice w)
        {
            var o = new StringWriter();
            HacaSim.Cli.ConsoleSummary.Print(o, summary with { Warmup = w }, "DIR");
            return o.ToString();
        }
        Assert.Multiple(() =>
        {
            Assert.That(Printed(new WarmupChoice(WarmupMethod.Mser5, 0, true, 0, null)), Does.Not.Contain("warning: the warm-up"));
            Assert.That(Printed(new WarmupChoice(WarmupMethod.Mser5, 123, false, 456, "prover")),
                Does.Contain("warning: the warm-up (123 s) is not confirmed by MSER-5 (it would cut 456 s of prover)"));
        });
    }
}
