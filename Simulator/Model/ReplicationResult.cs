using HacaSim.Analysis.Records;
using HacaSim.Analysis.Statistics;
using HacaSim.Model.Chain;

namespace HacaSim.Model;

/// <summary>Everything one replication measured; the summary merges these across replications.</summary>
public sealed record ReplicationResult(
    int Replication,
    RunMetrics Metrics,
    IReadOnlyList<PoolResult> Pools,
    IReadOnlyList<TimeSeriesRow> TimeSeries,
    IReadOnlyList<ProofLagRow> ProofLag,
    long EventsFired,
    IReadOnlyList<OutageRecovery>? Outages = null)
{
    /// <summary>The settlement chain's backlog (items waiting for a block or for finality), judged like a pool's.</summary>
    public StabilityVerdict? SettlementStability { get; init; }

    /// <summary>The chain's blocks, mempool and delays (block mode only; null in instant mode).</summary>
    public ChainMetrics? Chain { get; init; }
}
