using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Compare;

/// <summary>
/// <c>hacasim compare</c>: every variant of a scenario on common random numbers (replication i of each
/// variant draws the same arrivals and services), each variant's own results in <c>variants/NAME/</c>,
/// and the comparison (means with CIs, paired differences to the first variant) beside them.
/// Three steps, kept apart so a later <c>--shard</c> can run a slice of the units: list, run, merge.
/// </summary>
public static class CompareExperiment
{
    /// <returns>The comparison; null when <paramref name="execution"/> is a shard, which writes a part instead.</returns>
    public static Comparison? Run(ScenarioSource source, IReadOnlyList<string> shared, IReadOnlyList<Variant> variants, int threads,
        string outDir, bool logRequests, UnitExecution? execution = null)
    {
        execution ??= UnitExecution.Local;
        if (logRequests && !execution.IsLocal) throw new InputException("--log-requests cannot be combined with --shard or merge: request rows are not kept in parts");
        if (variants.Count < 2)
            throw new InputException($"compare needs at least two variants (--variant NAME:KEY=VALUE,... or a variants: block in {source.Path}); found {variants.Count}");
        var duplicate = variants.GroupBy(v => v.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new InputException($"variant name \"{duplicate.Key}\" is used twice; names must be unique");
        ResourceLimits.CheckExperiment("compare", variants.Count, 1);
        var cases = variants.Select(v => ExperimentCase.Load(source, shared, v.Name, v.Overrides)).ToList();
        CheckCommonRandomNumbers(cases);
        ResourceLimits.CheckExperiment("compare", cases.Count, cases[0].Loaded.Scenario.Run.Replications);
        ResourceLimits.CheckExperiment("compare", cases.Select(c => c.Loaded.Scenario).ToList(), ScenarioCatalogs.Default);

        // 1. the units
        var units = WorkUnit.For(cases.Select(c => (c.Name, c.Loaded.Scenario)).ToList());
        // Sharded or merged: the results first (a shard writes its part and stops; a merge checks its parts
        // before any output directory exists).
        IReadOnlyList<ReplicationResult>? results = null;
        if (!execution.IsLocal)
        {
            results = execution.Results(units, outDir, u => WorkUnitRunner.Run(u, threads, ScenarioCatalogs.Default));
            if (results is null) return null;
        }
        var outputs = cases.Select(c => new RunOutputs(Path.Combine(outDir, "variants", c.Name), c.Loaded, logRequests)).ToList();
        var logs = outputs.Select(o => o.OpenRequestLog()).ToList();
        try
        {
            // 2. run them
            results ??= WorkUnitRunner.Run(units, threads, ScenarioCatalogs.Default, u => outputs[u.Case].SinkFor(u.Replication));
            // 3. merge
            var byCase = WorkUnitRunner.ByCase(units, results, cases.Count);
            // Each variant's typed summary, built once: its summary.json and its verdicts in the comparison.
            var summaries = cases.Select((_, i) => outputs[i].Write(byCase[i])).ToList();
            var comparison = Comparison.Of(cases, byCase, summaries);
            ComparisonWriter.Write(outDir, comparison, byCase);
            return comparison;
        }
        finally
        {
            foreach (IDisposable log in logs) log.Dispose();
        }
    }

    private static void CheckCommonRandomNumbers(IReadOnlyList<ExperimentCase> cases)
    {
        RunConfig first = cases[0].Loaded.Scenario.Run;
        foreach (ExperimentCase c in cases.Skip(1))
        {
            RunConfig run = c.Loaded.Scenario.Run;
            if (run.Seed != first.Seed || run.Replications != first.Replications)
                throw new InputException($"variant {c.Name} runs seed {run.Seed} x {run.Replications} replications but {cases[0].Name} runs " +
                    $"seed {first.Seed} x {first.Replications}; a comparison on common random numbers needs the same seed and replications for every variant");
        }
    }
}
