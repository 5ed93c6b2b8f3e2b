using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Compare;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Sweep;

/// <summary>
/// <c>hacasim sweep</c>: a grid of parameter values, replications per point. Points share random numbers
/// too (replication i of every point uses the streams of replication i), which makes the curves smoother:
/// a point differs from its neighbour by its parameter, not by its luck. List, run, merge, as in
/// <see cref="CompareExperiment"/>.
/// </summary>
public static class SweepExperiment
{
    /// <returns>The sweep; null when <paramref name="execution"/> is a shard, which writes a part instead.</returns>
    public static SweepResult? Run(ScenarioSource source, IReadOnlyList<string> shared, IReadOnlyList<SweepParameter> parameters, int threads, string outDir,
        UnitExecution? execution = null)
    {
        if (parameters.Count == 0) throw new InputException("sweep needs at least one --param NAME=V1,V2,... or NAME=START:STOP:STEP");
        Scenario baseScenario = source.With(shared).Scenario;
        string name = baseScenario.Name;
        var grid = GridPoint.Grid(parameters);
        // Points x replications before any point is loaded; --param may change replications, so the cases are checked again below.
        ResourceLimits.CheckExperiment("sweep", grid.Count, baseScenario.Run.Replications);
        var points = Evaluate(source, shared, grid, threads, execution, outDir);
        if (points is null) return null;
        var result = new SweepResult(name, parameters, points);
        SweepWriter.Write(outDir, result);
        return result;
    }

    /// <summary>Runs every point's replications (in parallel across points and replications) and merges them per point.</summary>
    /// <param name="replicationSummaries">Also keep each replication's own summary (for a CI of any summary key, as <c>plan</c> reports).</param>
    public static IReadOnlyList<SweepPoint> Evaluate(ScenarioSource source, IReadOnlyList<string> shared, IReadOnlyList<GridPoint> grid, int threads,
        bool replicationSummaries = false) =>
        Evaluate(source, shared, grid, threads, null, "", replicationSummaries)!;

    private static IReadOnlyList<SweepPoint>? Evaluate(ScenarioSource source, IReadOnlyList<string> shared, IReadOnlyList<GridPoint> grid, int threads,
        UnitExecution? execution, string outDir, bool replicationSummaries = false)
    {
        var cases = grid.Select(p => ExperimentCase.Load(source, shared, p.Key, p.Overrides)).ToList();
        ResourceLimits.CheckExperiment("sweep", cases.Count, cases.Max(c => c.Loaded.Scenario.Run.Replications));
        ResourceLimits.CheckExperiment("sweep", cases.Select(c => c.Loaded.Scenario).ToList(), ScenarioCatalogs.Default);
        var units = WorkUnit.For(cases.Select(c => (c.Name, c.Loaded.Scenario)).ToList());
        var results = (execution ?? UnitExecution.Local).Results(units, outDir, u => WorkUnitRunner.Run(u, threads, ScenarioCatalogs.Default));
        if (results is null) return null;
        var byCase = WorkUnitRunner.ByCase(units, results, cases.Count);
        return grid.Select((p, i) =>
        {
            SweepPoint merged = Merge(p, cases[i].Loaded.Scenario, byCase[i]);
            return replicationSummaries && byCase[i].Count > 1
                ? merged with { ReplicationSummaries = [.. byCase[i].Select(r => RunSummaries.Of(cases[i].Loaded.Scenario, [r]))] }
                : merged;
        }).ToList();
    }

    /// <summary>A point's results from its replications: metrics with CIs, stability, capacity and verdicts (explore reuses it per sample).</summary>
    public static SweepPoint Merge(GridPoint point, Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        var perReplication = reps.Select(ReplicationMetrics.Of).ToList();
        var metrics = perReplication[0].Select(m => m.Name)
            .Select(name => (name, ConfidenceInterval.FromSamples(perReplication
                .Select(r => r.First(m => m.Name == name).Value).Where(double.IsFinite).ToList()))).ToList();
        // The proof backlogs: whoever generates proofs (the prover pool, else the inference nodes), verification, settlement.
        var proofBacklogs = new List<string> { scenario.Roles.Prover ?? scenario.Roles.Inference, scenario.Roles.Verification, TimeSeriesSampler.SettlementPool };
        // The point's summary, built once: its summary.json, its capacity and the judge's verdicts.
        RunSummary summary = RunSummaries.Of(scenario, reps);
        // Each backlog's stability as the one judge gave it in the summary (the chain's as summary.json's stability.settlement).
        var stability = summary.Stability.Select(b => (b.Name, b.Stable)).ToList();
        return new SweepPoint(point, metrics, stability, proofBacklogs, summary)
        {
            Capacity = summary.Capacity,
            Verdicts = summary.Verdicts.All.Select(v => (v.Key, v.Value.State)).ToList(),
        };
    }
}
