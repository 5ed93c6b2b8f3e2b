using System.CommandLine;
using HacaSim.Experiments.Compare;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim compare SCENARIO --variant NAME:KEY=VALUE,... ...</c>: variants on common random numbers.</summary>
internal static class CompareCommand
{
    private static readonly string[] Shown =
        [ReplicationMetrics.ResultLatency, ReplicationMetrics.ProofLag, ReplicationMetrics.TimeToTrust, ReplicationMetrics.DowngradeShare];

    /// <param name="merged">Set by <c>hacasim merge</c>: the units come from these parts instead of being run.</param>
    public static Command Create(TextWriter stdout, PartSet? merged = null, TextWriter? stderr = null)
    {
        var options = new ExperimentOptions();
        var shard = new ShardOptions();
        var variants = new Option<string[]>("--variant")
        {
            Description = "A case: NAME:KEY=VALUE[,KEY=VALUE...], KEY as --set takes it; repeat for each (the first is the baseline). " +
                "Without any, the scenario's variants: block.",
            AllowMultipleArgumentsPerToken = false,
        };
        var logRequests = new Option<bool>("--log-requests") { Description = "Also write requests.csv for each variant." };
        var command = new Command("compare", "Run variants of a scenario on common random numbers (replication i of every variant draws the same " +
            "arrivals and services) and report each metric's mean and CI per variant and the paired difference to the first.\n" +
            "Writes comparison.csv, comparison.json, charts, and each variant's results in variants/NAME/.\n\n" +
            "Example:\n  hacasim compare Scenarios/baseline.yaml --variant static:policy=static \\\n" +
            "    --variant adaptive:'policy={name: adaptive, backlog_high: 20}' --replications 5 --duration 1800");
        options.AddTo(command);
        command.Options.Add(variants);
        command.Options.Add(logRequests);
        shard.AddTo(command);
        command.SetAction(parse =>
        {
            ExperimentContext context = options.Context(parse, shard, stdout, stderr, merged);
            var shared = options.Overrides(parse);
            string path = parse.GetValue(options.Scenario)!;
            string[] given = parse.GetValue(variants) ?? [];
            // The scenario file is read once, here; every variant is bound from this source.
            ScenarioSource source = ScenarioSource.Read(path);
            // The scenario first: its problems (a missing file, bad YAML) are reported as a scenario's, before its variants: block is read.
            source.With(shared);
            IReadOnlyList<Variant> list = given.Length > 0 ? given.Select(Variant.Parse).ToList() : ScenarioVariants.Read(source);
            var spec = new ExperimentSpec(ExperimentKind.Compare, path, shared)
            {
                Variants = [.. list.Select(v => new NamedValues(v.Name, v.Overrides))],
                LogRequests = parse.GetValue(logRequests),
            };
            return Execute(spec, context, source);
        });
        return command;
    }

    /// <summary>Runs (or, in a merge, writes from the parts) the comparison <paramref name="spec"/> describes.</summary>
    /// <param name="scenario">The scenario file already read (the command line's case); read from the spec's path otherwise (a merge).</param>
    public static int Execute(ExperimentSpec spec, ExperimentContext context, ScenarioSource? scenario = null)
    {
        TextWriter stdout = context.Stdout;
        var shared = spec.Overrides;
        if (scenario is null)
        {
            scenario = ScenarioSource.Read(spec.Scenario);
            scenario.With(shared);
        }
        foreach (NamedValues v in spec.Variants) Variant.CheckName(v.Name, "merge: the parts' variant");
        IReadOnlyList<Variant> list = [.. spec.Variants.Select(v => new Variant(v.Name, v.Values))];
        // Variants from the scenario's variants: block decide results as much as --variant does.
        UnitExecution execution = ShardOptions.Execution(context, spec, () => scenario.With(shared),
            list.Select(v => $"variant {v.Name}: {string.Join(",", v.Overrides)}"));
        Comparison? c = ExperimentOptions.IntoClaimed(context, spec, staging => CompareExperiment.Run(scenario, shared, list, context.Threads, staging, spec.LogRequests, execution), out string dir);
        if (c is null) return Program.Success;
        if (context.Quiet)
        {
            stdout.WriteLine(Path.GetFullPath(dir));
            return Program.Success;
        }
        stdout.WriteLine($"{c.Scenario}: {c.Variants.Count} variants x {c.Replications} replication(s), seed {c.Seed}, common random numbers; baseline {c.Variants[0].Name}");
        stdout.WriteLine();
        stdout.WriteLine($"{"metric",-32} {"variant",-14} {"mean",10} {"ci95",10} {"diff",10} {"ci95 paired",12} {"unpaired",10}");
        foreach (Comparison.Row r in c.Rows.Where(r => Shown.Contains(r.Metric) || r.Metric.EndsWith(".utilization", StringComparison.Ordinal)))
            stdout.WriteLine($"{r.Metric,-32} {r.Variant,-14} {ExperimentFormat.Short(r.Mean),10} {ExperimentFormat.Short(r.Ci95),10} " +
                $"{ExperimentFormat.Short(r.Difference?.Mean),10} {ExperimentFormat.Short(r.Difference?.Ci95),12} {ExperimentFormat.Short(r.Difference?.UnpairedCi95),10}");
        stdout.WriteLine();
        CompareConsole.WriteVariants(stdout, c);
        stdout.WriteLine();
        stdout.WriteLine($"results: {Path.GetFullPath(dir)} (comparison.csv has every metric, per path and per pool)");
        return Program.Success;
    }
}
