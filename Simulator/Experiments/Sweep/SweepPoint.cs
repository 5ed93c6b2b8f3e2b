using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments.Sweep;

/// <summary>
/// A sweep point's results: each metric's mean and CI across replications, whether each pool's backlog
/// (and settlement's) is stable, and its typed summary (serialised as the point's summary.json; plan targets read it).
/// </summary>
public sealed record SweepPoint(
    GridPoint Point,
    IReadOnlyList<(string Metric, ConfidenceInterval Interval)> Metrics,
    IReadOnlyList<(string Backlog, bool Stable)> Stability,
    IReadOnlyList<string> ProofBacklogs,
    Summary.RunSummary Summary)
{
    /// <summary>The point's analytic capacity check (from its bound scenario alone).</summary>
    public Capacity.CapacityReport? Capacity { get; init; }

    /// <summary>Each backlog's three-state verdict (pools in scenario order, then settlement).</summary>
    public IReadOnlyList<(string Backlog, StabilityState State)> Verdicts { get; init; } = [];

    /// <summary>Each replication's own summary, when asked for (plan: a CI for any summary key); empty otherwise.</summary>
    public IReadOnlyList<Summary.RunSummary> ReplicationSummaries { get; init; } = [];

    /// <summary>The worst verdict of any backlog: what a plan's point must be "stable" on to meet a target.</summary>
    public StabilityState WorstVerdict => Verdicts.Select(v => v.State).DefaultIfEmpty(StabilityState.Stable).Max();

    /// <summary>The worst verdict among the proof backlogs: what the knee interval is read from.</summary>
    public StabilityState ProofVerdict =>
        Verdicts.Where(v => ProofBacklogs.Contains(v.Backlog)).Select(v => v.State).DefaultIfEmpty(StabilityState.Stable).Max();

    /// <summary>Every proof backlog (prover, verification, settlement) is stable.</summary>
    public bool ProofBacklogsStable => Stability.Where(s => ProofBacklogs.Contains(s.Backlog)).All(s => s.Stable);
}
