using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Experiments.Judging;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// A run's results, typed: built once from the replications (<see cref="RunSummaries.Of"/>), then written as
/// summary.json (<c>Experiments/Output/RunSummaryWriter</c> serialises it) and read by the console summary. The
/// sections follow summary.json's, the chain's (<see cref="Chain"/>) and the cost's (<see cref="Cost"/>) included; the
/// report, <c>plan</c> targets, sweep points and compare variants read this object, never summary.json's text.
/// </summary>
public sealed record RunSummary(
    Scenario Scenario,
    IReadOnlyList<ReplicationResult> Results,
    CiMethod CiMethod,
    WarmupChoice Warmup,
    PrecisionOutcome? Precision,
    RequestCounts Requests,
    IReadOnlyList<PoolSummary> Pools,
    IReadOnlyList<PathSummary> Paths,
    IReadOnlyList<BacklogSummary> Stability,
    ChainSummary? Chain,
    CapacityReport Capacity,
    CostSummary Cost,
    BacklogVerdicts Verdicts,
    UnstableMarks Marks,
    IReadOnlyList<KeyValuePair<string, long>> Decisions,
    FaultsSummary Faults,
    DowngradeSummary Downgrades,
    long Events,
    IReadOnlyList<ClassSummary> Classes)
{
    public int Replications => Results.Count;

    public PoolSummary? Pool(string name) => Pools.FirstOrDefault(p => p.Name == name);

    public PathSummary Path(VerificationPath path) => Paths.First(p => p.Path == path);
}
