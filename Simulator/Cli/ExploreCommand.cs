using System.CommandLine;
using System.Globalization;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Experiments.Sweep;
using HacaSim.Explore;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary>
/// <c>hacasim explore SCENARIO --param NAME=RANGE... --samples N [--method lhs|sobol] [--lag-threshold S] [--phase A,B]</c>:
/// global uncertainty and sensitivity analysis over the sweep machinery.
/// </summary>
internal static class ExploreCommand
{
    /// <param name="merged">Set by <c>hacasim merge</c>: the units come from these parts instead of being run.</param>
    public static Command Create(TextWriter stdout, PartSet? merged = null, TextWriter? stderr = null)
    {
        var options = new ExperimentOptions();
        var shard = new ShardOptions();
        var parameters = new Option<string[]>("--param")
        {
            Description = "An uncertain input (declared parameter or key path, as sweep --param names it) and its range: NAME=uniform(a,b), " +
                "NAME=loguniform(a,b) (0 < a), NAME=int(a,b) or NAME=choice(v1,v2,...). Repeat for each input.",
            AllowMultipleArgumentsPerToken = false,
        };
        var samples = new Option<int?>("--samples")
        {
            Description = "N: the Latin hypercube's points, or Saltelli's base sample (sobol runs N x (k+2) samples for k inputs). Each sample runs --replications replications.",
            Required = true,
        };
        var method = new Option<string>("--method") { Description = "lhs (Latin hypercube; rank regression coefficients) or sobol (Saltelli's design; Sobol indices).", DefaultValueFactory = _ => "lhs" };
        var lagThreshold = new Option<double?>("--lag-threshold") { Description = "Seconds: verdicts.csv gives the probability that each path's proof-lag p95 exceeds it." };
        var phase = new Option<string?>("--phase") { Description = "A,B: two of the inputs; draws the phase diagram of the bottleneck pool over them." };
        var command = new Command("explore", "Sample the inputs over their ranges (Latin hypercube or Saltelli's Sobol design), run every sample's " +
            "replications on common random numbers with the capacity analysis, and write explore.csv (inputs, outputs with CIs, rho, verdicts " +
            "per sample), sensitivity.csv (rank regression coefficients or Sobol indices with bootstrap CIs), verdicts.csv (the probability of " +
            "each categorical outcome with its Wilson interval), charts and a report.\n\n" +
            "Example:\n  hacasim explore Scenarios/baseline.yaml --param arrival_rate=uniform(4,16) --param pools.verification.nodes=int(2,8) " +
            "--samples 64 --replications 2 --duration 1800 --lag-threshold 60 --phase arrival_rate,pools.verification.nodes");
        options.AddTo(command);
        foreach (Option o in new Option[] { parameters, samples, method, lagThreshold, phase }) command.Options.Add(o);
        shard.AddTo(command);
        command.SetAction(parse =>
        {
            ExperimentContext context = options.Context(parse, shard, stdout, stderr, merged);
            // Checked here in the command line's order (inputs, method, phase); Execute binds them from the spec.
            ExploreParameter.ParseAll(parse.GetValue(parameters) ?? []);
            ExploreMethods.Parse(parse.GetValue(method)!);
            var phaseNames = Phase(parse.GetValue(phase));
            var spec = new ExperimentSpec(ExperimentKind.Explore, parse.GetValue(options.Scenario)!, options.Overrides(parse))
            {
                Explore = new ExploreSpec(parse.GetValue(parameters) ?? [], parse.GetValue(method)!, parse.GetValue(samples) ?? 0, parse.GetValue(lagThreshold),
                    phaseNames?.Item1, phaseNames?.Item2),
            };
            return Execute(spec, context);
        });
        return command;
    }

    /// <summary>Runs (or, in a merge, writes from the parts) the exploration <paramref name="spec"/> describes.</summary>
    public static int Execute(ExperimentSpec spec, ExperimentContext context)
    {
        TextWriter stdout = context.Stdout;
        var shared = spec.Overrides;
        ExploreSpec design = spec.Explore ?? throw new InputException("merge: the parts' explore spec has no design");
        var inputs = ExploreParameter.ParseAll(design.Parameters);
        var settings = new ExploreExperiment.Options(inputs, ExploreMethods.Parse(design.Method), design.Samples, design.LagThresholdSeconds,
            design.PhaseA is { } a && design.PhaseB is { } b ? (a, b) : null);
        // The scenario file is read once; every sample is bound from this source.
        ScenarioSource scenario = ScenarioSource.Read(spec.Scenario);
        UnitExecution execution = ShardOptions.Execution(context, spec, () => scenario.With(shared));
        ExploreResult? result = ExperimentOptions.IntoClaimed(context, spec, staging => ExploreExperiment.Run(scenario, shared, settings, context.Threads, staging, execution), out string dir);
        if (result is null) return Program.Success;
        if (!context.Quiet) Print(stdout, result);
        stdout.WriteLine($"results: {Path.GetFullPath(dir)}");
        return Program.Success;
    }

    private static (string, string)? Phase(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',');
        if (parts.Length != 2 || parts.Any(p => p.Trim().Length == 0)) throw new InputException($"--phase {text}: expected two input names, A,B");
        return (parts[0].Trim(), parts[1].Trim());
    }

    private static void Print(TextWriter stdout, ExploreResult result)
    {
        var d = result.Design;
        stdout.WriteLine($"{result.Scenario}: {d.Method.Key()} design, {d.Count} samples x {result.Replications} replication(s) over {d.Parameters.Count} input(s), " +
            "common random numbers across samples");
        stdout.WriteLine();
        stdout.WriteLine("verdicts (probability over the samples, 95% Wilson interval):");
        foreach (VerdictRow v in result.Verdicts.Where(v => v.Interval.Successes > 0))
            stdout.WriteLine($"  {v.Outcome} = {v.Value}: {F(v.Interval.Proportion)} [{F(v.Interval.Lower)}, {F(v.Interval.Upper)}] ({v.Interval.Successes}/{v.Interval.Trials})");
        stdout.WriteLine();
        string main = d.Method == ExploreMethod.Lhs ? SensitivityRow.Srrc : SensitivityRow.Total;
        stdout.WriteLine($"most influential input per headline output ({main}, 95% bootstrap interval):");
        foreach (string output in ExploreWriter.Headline)
        {
            var top = result.Sensitivity.Where(r => r.Output == output && r.Measure == main && double.IsFinite(r.Interval.Estimate))
                .OrderByDescending(r => Math.Abs(r.Interval.Estimate)).FirstOrDefault();
            if (top is not null) stdout.WriteLine($"  {output}: {top.Input} {F(top.Interval.Estimate)} [{F(top.Interval.Lower)}, {F(top.Interval.Upper)}]");
        }
        stdout.WriteLine();
    }

    private static string F(double x) => double.IsFinite(x) ? x.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
