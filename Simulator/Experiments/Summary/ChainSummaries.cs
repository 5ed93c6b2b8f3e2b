using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Judging;
using HacaSim.Model;
using HacaSim.Model.Chain;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>Builds a run's <see cref="ChainSummary"/> (null in instant mode, where no replication has a chain).</summary>
public static class ChainSummaries
{
    /// <param name="stability">The chain's backlog ("stability.settlement"), judged once.</param>
    public static ChainSummary? Of(Scenario scenario, IReadOnlyList<ReplicationResult> reps, BacklogSummary? stability, UnstableMarks marks)
    {
        if (!reps.All(r => r.Chain is not null) || stability is null) return null;
        SettlementConfig config = scenario.Settlement;
        var chains = reps.Select(r => r.Chain!).ToList();
        // Delays and lengths of a backlog that grows without bound depend on the run's length: marked as elsewhere.
        bool unstable = marks.Pool(TimeSeriesSampler.SettlementPool);
        return new ChainSummary(
            config.Pipeline,
            config.Consensus is { Model: ConsensusModel.Quorum } ? ConsensusModel.Quorum : ConsensusModel.Linear,
            scenario.Verification.Placement,
            config.BlockGasLimit,
            chains.Sum(c => c.Blocks), chains.Sum(c => c.Items), chains.Sum(c => c.Rejected),
            PerReplication(chains, c => c.ThroughputItemsPerSecond),
            PerReplication(chains, c => c.Blocks > 0 ? (double)c.Items / c.Blocks : double.NaN),
            chains.Max(c => c.MaxItems),
            PerReplication(chains, c => c.Blocks > 0 ? (double)c.Gas / c.Blocks : double.NaN),
            chains.Max(c => c.MaxGas),
            config.BlockGasLimit is { } limit ? PerReplication(chains, c => c.Blocks > 0 ? (double)c.Gas / (c.Blocks * (double)limit) : double.NaN) : null,
            ReplicationStatistics.Merge(chains.Select(c => c.ExecutionSeconds)),
            ReplicationStatistics.Merge(chains.Select(c => c.CycleSeconds)),
            PerReplication(chains, c => c.MempoolMean),
            chains.Max(c => c.MempoolMax),
            unstable,
            [.. VerificationPaths.All.Select(path => new ChainPathSummary(path,
                ReplicationStatistics.Merge(chains.Select(c => c.Inclusion(path))), ReplicationStatistics.Merge(chains.Select(c => c.Finality(path)))))],
            stability);
    }

    private static SummaryStatistic? PerReplication(IReadOnlyList<ChainMetrics> chains, Func<ChainMetrics, double> value)
    {
        var values = chains.Select(value).Where(double.IsFinite).ToList();
        return values.Count == 0 ? null : SummaryStatistic.FromValues(values);
    }
}
