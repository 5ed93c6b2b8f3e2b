using System.CommandLine;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Experiments.Sweep;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim sweep SCENARIO --param NAME=V1,V2,... | NAME=START:STOP:STEP ...</c>: a grid, and the knee.</summary>
internal static class SweepCommand
{
    /// <param name="merged">Set by <c>hacasim merge</c>: the units come from these parts instead of being run.</param>
    public static Command Create(TextWriter stdout, PartSet? merged = null, TextWriter? stderr = null)
    {
        var options = new ExperimentOptions();
        var shard = new ShardOptions();
        var parameters = new Option<string[]>("--param")
        {
            Description = "A swept parameter (declared or a key path): NAME=V1,V2,... or NAME=START:STOP:STEP; repeat for a grid. " +
                "The knee is found along the first.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("sweep", "Run a grid of parameter values, replications per point (on common random numbers), and write " +
            "sweep.csv (means, ci95, stability per backlog), curves, and each point's summary.json; print the knee: the largest value of " +
            "the first parameter at which every proof backlog (prover, verification, settlement) is still stable.\n\n" +
            "Example:\n  hacasim sweep Scenarios/baseline.yaml --param arrival_rate=6:14:1 --replications 3 --duration 3600");
        options.AddTo(command);
        command.Options.Add(parameters);
        shard.AddTo(command);
        command.SetAction(parse =>
        {
            ExperimentContext context = options.Context(parse, shard, stdout, stderr, merged);
            var swept = (parse.GetValue(parameters) ?? []).Select(SweepParameter.Parse).ToList();
            var spec = new ExperimentSpec(ExperimentKind.Sweep, parse.GetValue(options.Scenario)!, options.Overrides(parse))
            {
                Sweep = [.. swept.Select(p => new NamedValues(p.Name, p.Values))],
            };
            return Execute(spec, context);
        });
        return command;
    }

    /// <summary>Runs (or, in a merge, writes from the parts) the sweep <paramref name="spec"/> describes.</summary>
    public static int Execute(ExperimentSpec spec, ExperimentContext context)
    {
        TextWriter stdout = context.Stdout;
        var shared = spec.Overrides;
        var swept = spec.Sweep.Select(p => new SweepParameter(p.Name, p.Values)).ToList();
        // The scenario file is read once; every grid point is bound from this source.
        ScenarioSource scenario = ScenarioSource.Read(spec.Scenario);
        UnitExecution execution = ShardOptions.Execution(context, spec, () => scenario.With(shared));
        SweepResult? sweep = ExperimentOptions.IntoClaimed(context, spec, staging => SweepExperiment.Run(scenario, shared, swept, context.Threads, staging, execution), out string dir);
        if (sweep is null) return Program.Success;
        if (!context.Quiet)
        {
            stdout.WriteLine($"{sweep.Scenario}: {sweep.Points.Count} point(s), common random numbers across points");
            stdout.WriteLine();
            stdout.WriteLine($"{"point",-36} {"result latency (s)",19} {"proof lag (s)",14} {"proof backlogs",15}  {"rho max",7}  verdict");
            foreach (SweepPoint p in sweep.Points)
            {
                double Mean(string m) => p.Metrics.First(x => x.Metric == m).Interval.Mean;
                stdout.WriteLine($"{p.Point.Key,-36} {ExperimentFormat.Short(Mean(ReplicationMetrics.ResultLatency)),19} " +
                    $"{ExperimentFormat.Short(Mean(ReplicationMetrics.ProofLag)),14} {(p.ProofBacklogsStable ? "stable" : "UNSTABLE: " + string.Join(" ", p.Stability.Where(s => !s.Stable && p.ProofBacklogs.Contains(s.Backlog)).Select(s => s.Backlog))),15}  {ExperimentFormat.Short(p.Capacity?.MaxRho),7}  {Verdict(p)}");
            }
            stdout.WriteLine();
        }
        foreach (SweepResult.Knee k in sweep.Knees())
        {
            string where = k.Others.Length == 0 ? "" : $" at {k.Others}";
            stdout.WriteLine(k.Value is null ? $"knee{where}: below the range (unstable at the smallest {swept[0].Name})"
                : k.AllStable ? $"knee{where}: {swept[0].Name} >= {k.Value} (every point stable; the knee is above the range)"
                : $"knee{where}: {swept[0].Name} = {k.Value} (the last value with every proof backlog stable{(k.Critical ? "; critical past it" : "")})");
        }
        foreach (SweepResult.KneeInterval k in sweep.KneeIntervals())
        {
            string where = k.Others.Length == 0 ? "" : $" at {k.Others}";
            string critical = k.Critical.Count == 0 ? "" : $", critical at {string.Join(", ", k.Critical)}";
            stdout.WriteLine($"knee interval{where}: last stable {k.LastStable ?? "none"}, first unstable {k.FirstUnstable ?? "none in range"}{critical}");
        }
        foreach (SweepResult.AnalyticKnee k in sweep.AnalyticKnees())
        {
            string where = k.Others.Length == 0 ? "" : $" at {k.Others}";
            string at = k.Interpolated is { } x ? $" (rho = 1 at {swept[0].Name} = {x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)})" : "";
            stdout.WriteLine($"analytic knee{where}: last value with rho < 1: {k.Grid ?? "none"}{at}");
        }
        stdout.WriteLine($"results: {Path.GetFullPath(dir)}");
        return Program.Success;
    }

    /// <summary>The worst proof-backlog verdict, naming the backlogs that are not stable.</summary>
    private static string Verdict(SweepPoint p)
    {
        var notStable = p.Verdicts.Where(v => v.State != Analysis.Statistics.StabilityState.Stable).Select(v => $"{v.Backlog}={v.State.Key()}");
        return string.Join(" ", new[] { p.ProofVerdict.Key() }.Concat(notStable));
    }
}
