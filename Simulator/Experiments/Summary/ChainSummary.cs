using HacaSim.Analysis.Statistics;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// summary.json "chain" (block mode only): how the chain ran (pipeline, consensus model, placement), its blocks
/// (count, items, gas and execution time per block, gas utilisation), the time between proposals, the mempool
/// (time-weighted mean and maximum length, items rejected when full), per path the inclusion and finality delays,
/// and the chain's backlog verdict (the same <see cref="BacklogSummary"/> as "stability.settlement").
/// Per-block means are per replication, then a mean over replications. <see cref="Unstable"/> marks the mempool
/// length and the delays when the chain's backlog grows without bound.
/// </summary>
/// <param name="Pipeline">Blocks in consensus at once; null: unbounded.</param>
public sealed record ChainSummary(
    int? Pipeline,
    ConsensusModel Consensus,
    VerificationPlacement Placement,
    double? BlockGasLimit,
    long Blocks,
    long Items,
    long RejectedMempoolFull,
    SummaryStatistic? Throughput,
    SummaryStatistic? ItemsPerBlock,
    long ItemsPerBlockMax,
    SummaryStatistic? GasPerBlock,
    long GasPerBlockMax,
    SummaryStatistic? GasUtilization,
    SummaryStatistic? Execution,
    SummaryStatistic? Cycle,
    SummaryStatistic? Mempool,
    double MempoolMax,
    bool Unstable,
    IReadOnlyList<ChainPathSummary> Paths,
    BacklogSummary Stability)
{
    /// <summary>The pipeline as summary.json and the report show it: the depth, or "unbounded".</summary>
    public string PipelineText => Pipeline is { } depth ? depth.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unbounded";

    /// <summary>The consensus model's key in summary.json.</summary>
    public string ConsensusKey => Consensus == ConsensusModel.Quorum ? "quorum" : "linear";

    /// <summary>The placement's key in summary.json.</summary>
    public string PlacementKey => Placement == VerificationPlacement.Onchain ? "onchain" : "offchain";
}

/// <summary>summary.json "chain.paths.PATH": one path's inclusion and finality delays.</summary>
public sealed record ChainPathSummary(VerificationPath Path, SummaryStatistic? Inclusion, SummaryStatistic? Finality);
