using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Judging;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// summary.json "stability.NAME": one backlog (a pool, or the chain as "settlement"): the per-replication majority
/// flag, the growth trend across replications, and the judge's three-state verdict (null when it gave none).
/// </summary>
public sealed record BacklogSummary(string Name, bool Stable, SummaryStatistic Growth, ThreeStateVerdict? Verdict);
