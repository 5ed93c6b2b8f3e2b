using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Experiments.Sweep;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Explore;

/// <summary>
/// <c>hacasim explore</c>: global uncertainty and sensitivity analysis. The design's samples are a sweep's points
/// with other coordinates: each sample is the scenario with its inputs as overrides (named as <c>sweep --param</c>
/// names them), run for R replications on common random numbers (replication i of every sample draws the same
/// streams), merged like a sweep point (capacity analysis and verdicts included), then reduced to its outputs.
/// Units are sample x replication, keyed "sample-I/replication/R", so it shards and merges like sweep and compare.
/// </summary>
public static class ExploreExperiment
{
    /// <summary>Samples whose replications run (and are reduced) together locally: keeps memory flat in long explores.</summary>
    private const int SamplesPerBatch = 32;

    public sealed record Options(IReadOnlyList<ExploreParameter> Parameters, ExploreMethod Method, int Samples, double? LagThresholdSeconds,
        (string A, string B)? Phase);

    public static string SampleName(int index) => "sample-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <returns>The explore; null when <paramref name="execution"/> is a shard, which writes a part instead.</returns>
    public static ExploreResult? Run(ScenarioSource source, IReadOnlyList<string> shared, Options options, int threads, string outDir,
        UnitExecution? execution = null)
    {
        Check(options);
        Scenario baseScenario = source.With(shared).Scenario;
        ulong seed = baseScenario.Run.Seed;
        ExploreDesign design = ExploreDesign.Create(options.Method, options.Parameters, options.Samples, seed);
        int replications = baseScenario.Run.Replications;
        if ((long)design.Count * replications > ExploreDesign.MaxRuns)
            throw new InputException($"explore: {design.Count} samples x {replications} replications = {(long)design.Count * replications} runs; the limit is {ExploreDesign.MaxRuns}");
        ResourceLimits.CheckExperiment("explore", design.Count, replications);
        // Every sample's scenario is loaded (and its inputs checked) before anything runs: a bad value fails at once.
        var cases = Enumerable.Range(0, design.Count).Select(i => ExperimentCase.Load(source, shared, SampleName(i),
            [.. design.Values(i).Select(v => $"{v.Name}={v.Value}")])).ToList();
        ResourceLimits.CheckExperiment("explore", cases.Select(c => c.Loaded.Scenario).ToList(), ScenarioCatalogs.Default);
        if (cases.Any(c => c.Loaded.Scenario.Run.Replications != replications))
            throw new InputException("explore: a --param changes run.replications; give the replications with --replications instead");

        execution ??= UnitExecution.Local;
        var samples = new List<ExploreSample>(design.Count);
        if (execution.IsLocal)
        {
            for (int start = 0; start < cases.Count; start += SamplesPerBatch)
            {
                var batch = cases.Skip(start).Take(SamplesPerBatch).ToList();
                var units = WorkUnit.For([.. batch.Select(c => (c.Name, c.Loaded.Scenario))]);
                var byCase = WorkUnitRunner.ByCase(units, WorkUnitRunner.Run(units, threads, ScenarioCatalogs.Default), batch.Count);
                samples.AddRange(batch.Select((c, j) => Sample(design, start + j, c.Loaded.Scenario, byCase[j])));
            }
        }
        else
        {
            var units = WorkUnit.For([.. cases.Select(c => (c.Name, c.Loaded.Scenario))]);
            var results = execution.Results(units, outDir, u => WorkUnitRunner.Run(u, threads, ScenarioCatalogs.Default));
            if (results is null) return null;
            var byCase = WorkUnitRunner.ByCase(units, results, cases.Count);
            samples.AddRange(cases.Select((c, i) => Sample(design, i, c.Loaded.Scenario, byCase[i])));
        }

        var outputs = samples[0].Outputs.Select(o => o.Name).Concat(samples[0].Analytic.Select(a => a.Name)).ToList();
        var sensitivity = ExploreAnalysis.Sensitivity(design, samples, outputs, seed);
        CapacityReport capacity = CapacityModel.Analyse(cases[0].Loaded.Scenario, ScenarioCatalogs.Default);
        var resources = capacity.Pools.Select(p => p.Name).Append(CapacityReport.ChainName).ToList();
        var verdicts = ExploreAnalysis.Verdicts(design, samples, resources, options.LagThresholdSeconds);
        var result = new ExploreResult(baseScenario.Name, design, replications, samples, outputs, sensitivity, verdicts, options.LagThresholdSeconds, options.Phase);
        ExploreWriter.Write(outDir, result);
        return result;
    }

    /// <summary>Option checks that need no scenario: before anything is loaded or written.</summary>
    private static void Check(Options options)
    {
        if (options.LagThresholdSeconds is { } t && !(t >= 0 && double.IsFinite(t)))
            throw new InputException($"--lag-threshold {t}: a number of seconds, at least 0");
        if (options.Phase is { } phase)
        {
            foreach (string name in new[] { phase.A, phase.B })
                if (options.Parameters.All(p => p.Name != name))
                    throw new InputException($"--phase {phase.A},{phase.B}: {name} is not one of the --param inputs ({string.Join(", ", options.Parameters.Select(p => p.Name))})");
            if (phase.A == phase.B) throw new InputException($"--phase {phase.A},{phase.B}: two different inputs");
        }
    }

    private static ExploreSample Sample(ExploreDesign design, int index, Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        var values = design.Values(index);
        SweepPoint point = SweepExperiment.Merge(new GridPoint(index, values), scenario, reps);
        CapacityReport capacity = point.Capacity!;
        var categories = new List<(string, string)> { (ExploreMetrics.Bottleneck, capacity.Bottleneck) };
        categories.AddRange(point.Verdicts.Select(v => (ExploreMetrics.VerdictPrefix + v.Backlog, v.State.Key())));
        return new ExploreSample(index, design.Roles[index], values, design.Numeric(index), ExploreMetrics.Simulated(scenario, reps),
            ExploreMetrics.Analytic(capacity), categories);
    }
}
