using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// summary.json "pools.NAME": one pool's statistics across replications. <see cref="Unstable"/> is the unstable mark
/// (a backlog the judge found growing), which every statistic of the pool but availability carries.
/// </summary>
public sealed record PoolSummary(string Name, int Nodes, int Slots, bool Unstable, SummaryStatistic Utilization, SummaryStatistic QueueLength,
    SummaryStatistic InService, SummaryStatistic? Wait, SummaryStatistic? Service, SummaryStatistic Availability);
