using System.CommandLine;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Plan;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim plan SCENARIO --target METRIC&lt;=VALUE --vary PARAM</c>: the smallest node count meeting a target.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter stdout)
    {
        var options = new ExperimentOptions();
        var target = new Option<string>("--target") { Description = "METRIC<=VALUE (or >=, <, >); METRIC a summary.json key path, e.g. paths.zkml.proof_lag_s.p95.", Required = true };
        var vary = new Option<string>("--vary") { Description = "The whole-number parameter to search (declared or a key path), e.g. prover_nodes.", Required = true };
        var min = new Option<int>("--min") { Description = "Smallest value tried.", DefaultValueFactory = _ => 1 };
        var max = new Option<int>("--max") { Description = "Largest value tried.", DefaultValueFactory = _ => 1024 };
        var command = new Command("plan", "Find the smallest whole value of a parameter (a node count) that meets a target, by exponential then " +
            "binary search over sweep points (common random numbers); print it and write plan.json.\n\n" +
            "Example:\n  hacasim plan Scenarios/baseline.yaml --target 'paths.zkml.proof_lag_s.p95<=60' --vary prover_nodes --min 1 --max 64");
        options.AddTo(command);
        foreach (Option o in new Option[] { target, vary, min, max }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var shared = options.Overrides(parse);
            int threads = options.ThreadCount(parse);
            PlanTarget t = PlanTarget.Parse(parse.GetValue(target)!);
            ResultDirectory target0 = options.Claim(parse, "plan", null);
            var plan = ExperimentOptions.Into(target0, staging =>
                CapacityPlanner.Run(Scenarios.Loading.ScenarioSource.Read(parse.GetValue(options.Scenario)!), shared, t, parse.GetValue(vary)!, parse.GetValue(min), parse.GetValue(max), threads, staging));
            string dir = target0.Target;
            if (!parse.GetValue(options.Quiet))
            {
                foreach (var e in plan.Evaluations)
                {
                    string ci = e.Ci95 is { } h ? " +/- " + ExperimentFormat.Short(h) : "";
                    string outcome = e.Meets ? "meets" : e.MetricMeets
                        ? $"not met: {e.Verdict.Key()} ({string.Join(", ", e.NotStable.Select(v => $"{v.Backlog} {v.State.Key()}"))}) though the number meets"
                        : "misses";
                    stdout.WriteLine($"{plan.Parameter} = {e.Value,-6} {t.Metric} = {ExperimentFormat.Short(e.Metric),10}{ci}  {outcome} {t.Operator} {t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }
            stdout.WriteLine(plan.Answer is { } a ? $"answer: {plan.Parameter} = {a} is the smallest value meeting {t}"
                : $"answer: none from {plan.Min} to {plan.Max} meets {t} with every backlog stable");
            stdout.WriteLine($"results: {Path.GetFullPath(Path.Combine(dir, "plan.json"))}");
            return Program.Success;
        });
        return command;
    }
}
