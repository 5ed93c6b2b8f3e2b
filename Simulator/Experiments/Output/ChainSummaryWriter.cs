using System.Text.Json;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Summary;
using HacaSim.Model.Chain;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

/// <summary>
/// summary.json's <c>chain</c> section: how the chain ran (pipeline, consensus model, placement), its blocks
/// (count, items, gas and execution time per block, gas utilisation), the time between proposals, the mempool
/// (time-weighted mean and maximum length, items rejected when full), per path the inclusion and finality
/// delays, and the chain's stability as the one stability judge (<see cref="BacklogStability"/>) gave it.
/// Null in instant mode. Per-block means are per replication, then a mean over replications. The mempool
/// length and the delays carry "unstable": true when the chain's backlog grows without bound.
/// </summary>
internal static class ChainSummaryWriter
{
    public static void Write(Utf8JsonWriter w, Scenario scenario, IReadOnlyList<ReplicationResult> reps, ThreeStateVerdict? verdict, UnstableMarks marks)
    {
        if (!reps.All(r => r.Chain is not null))
        {
            w.WriteNull(SummaryKeys.Chain);
            return;
        }
        SettlementConfig config = scenario.Settlement;
        var chains = reps.Select(r => r.Chain!).ToList();
        // Delays and lengths of a backlog that grows without bound depend on the run's length: marked as elsewhere.
        bool unstable = marks.Pool(TimeSeriesSampler.SettlementPool);
        w.WriteStartObject(SummaryKeys.Chain);
        if (config.Pipeline is { } depth) w.WriteNumber(SummaryKeys.Pipeline, depth);
        else w.WriteString(SummaryKeys.Pipeline, "unbounded");
        w.WriteString(SummaryKeys.ConsensusModel, config.Consensus is { Model: ConsensusModel.Quorum } ? "quorum" : "linear");
        w.WriteString(SummaryKeys.Placement, scenario.Verification.Placement == VerificationPlacement.Onchain ? "onchain" : "offchain");
        Number(w, SummaryKeys.BlockGasLimit, config.BlockGasLimit);
        w.WriteNumber(SummaryKeys.Blocks, chains.Sum(c => c.Blocks));
        w.WriteNumber(SummaryKeys.Items, chains.Sum(c => c.Items));
        w.WriteNumber(SummaryKeys.RejectedMempoolFull, chains.Sum(c => c.Rejected));
        Statistic(w, SummaryKeys.ThroughputItemsPerSecond, PerReplication(chains, c => c.ThroughputItemsPerSecond));
        Statistic(w, SummaryKeys.ItemsPerBlock, PerReplication(chains, c => c.Blocks > 0 ? (double)c.Items / c.Blocks : double.NaN));
        w.WriteNumber(SummaryKeys.ItemsPerBlockMax, chains.Max(c => c.MaxItems));
        Statistic(w, SummaryKeys.GasPerBlock, PerReplication(chains, c => c.Blocks > 0 ? (double)c.Gas / c.Blocks : double.NaN));
        w.WriteNumber(SummaryKeys.GasPerBlockMax, chains.Max(c => c.MaxGas));
        Statistic(w, SummaryKeys.GasUtilization, config.BlockGasLimit is { } limit
            ? PerReplication(chains, c => c.Blocks > 0 ? (double)c.Gas / (c.Blocks * (double)limit) : double.NaN) : null);
        Statistic(w, SummaryKeys.ExecutionSeconds, ReplicationStatistics.Merge(chains.Select(c => c.ExecutionSeconds)));
        Statistic(w, SummaryKeys.BlockCycleSeconds, ReplicationStatistics.Merge(chains.Select(c => c.CycleSeconds)));
        Statistic(w, SummaryKeys.MempoolLength, PerReplication(chains, c => c.MempoolMean), unstable);
        Number(w, SummaryKeys.MempoolLengthMax, chains.Max(c => c.MempoolMax));
        w.WriteStartObject(SummaryKeys.Paths);
        foreach (VerificationPath path in VerificationPaths.All)
        {
            w.WriteStartObject(path.Key());
            Statistic(w, SummaryKeys.InclusionDelaySeconds, ReplicationStatistics.Merge(chains.Select(c => c.Inclusion(path))), unstable);
            Statistic(w, SummaryKeys.FinalityDelaySeconds, ReplicationStatistics.Merge(chains.Select(c => c.Finality(path))), unstable);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        var verdicts = reps.Select(r => r.SettlementStability!).ToList();
        w.WriteStartObject(SummaryKeys.Stability);
        w.WriteBoolean(SummaryKeys.Stable, !MajorityVote.Unstable(verdicts));
        var growth = SummaryStatistic.FromValues(verdicts.Select(v => v.GrowthPerSecond).ToList());
        if (verdicts.Count == 1) growth = growth with { Ci95 = double.IsFinite(verdicts[0].GrowthCi95) ? verdicts[0].GrowthCi95 : null };
        Statistic(w, SummaryKeys.BacklogGrowthPerSecond, growth);
        // The three-state verdict (issue 17) beside the boolean: the same one stability.settlement carries.
        if (verdict is not null)
        {
            w.WriteString(SummaryKeys.Verdict, verdict.State.Key());
            w.WriteString(SummaryKeys.VerdictReason, verdict.Reason);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static SummaryStatistic? PerReplication(IReadOnlyList<ChainMetrics> chains, Func<ChainMetrics, double> value)
    {
        var values = chains.Select(value).Where(double.IsFinite).ToList();
        return values.Count == 0 ? null : SummaryStatistic.FromValues(values);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value) => JsonOutput.WriteNumberOrNull(w, name, value);

    private static void Statistic(Utf8JsonWriter w, string name, SummaryStatistic? s, bool unstable = false) =>
        JsonOutput.WriteSummaryStatistic(w, name, s, unstable);
}
