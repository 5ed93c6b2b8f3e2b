using System.Text.Json.Nodes;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Summary;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

/// <summary>
/// summary.json's <c>chain</c> section, serialised from the typed <see cref="ChainSummary"/> (null in instant mode).
/// The mempool length and the delays carry "unstable": true when the chain's backlog grows without bound; the
/// stability block is the chain's backlog verdict, the same one "stability.settlement" carries.
/// </summary>
internal static class ChainSummaryWriter
{
    public static JsonNode? Node(ChainSummary? c)
    {
        if (c is null) return null;
        var paths = new JsonObject();
        foreach (ChainPathSummary p in c.Paths)
        {
            paths[p.Path.Key()] = new JsonObject
            {
                [SummaryKeys.InclusionDelaySeconds] = Statistic(p.Inclusion, c.Unstable),
                [SummaryKeys.FinalityDelaySeconds] = Statistic(p.Finality, c.Unstable),
            };
        }
        var stability = new JsonObject
        {
            [SummaryKeys.Stable] = c.Stability.Stable,
            [SummaryKeys.BacklogGrowthPerSecond] = Statistic(c.Stability.Growth),
        };
        // The three-state verdict (issue 17) beside the boolean: the same one stability.settlement carries.
        if (c.Stability.Verdict is { } verdict)
        {
            stability[SummaryKeys.Verdict] = verdict.State.Key();
            stability[SummaryKeys.VerdictReason] = verdict.Reason;
        }
        var o = new JsonObject
        {
            [SummaryKeys.Pipeline] = c.Pipeline is { } depth ? JsonValue.Create(depth) : JsonValue.Create(c.PipelineText),
            [SummaryKeys.ConsensusModel] = c.ConsensusKey,
            [SummaryKeys.Placement] = c.PlacementKey,
            [SummaryKeys.BlockGasLimit] = JsonOutput.NumberOrNull(c.BlockGasLimit),
            [SummaryKeys.Blocks] = c.Blocks,
            [SummaryKeys.Items] = c.Items,
            [SummaryKeys.RejectedMempoolFull] = c.RejectedMempoolFull,
            [SummaryKeys.ThroughputItemsPerSecond] = Statistic(c.Throughput),
            [SummaryKeys.ItemsPerBlock] = Statistic(c.ItemsPerBlock),
            [SummaryKeys.ItemsPerBlockMax] = c.ItemsPerBlockMax,
            [SummaryKeys.GasPerBlock] = Statistic(c.GasPerBlock),
            [SummaryKeys.GasPerBlockMax] = c.GasPerBlockMax,
            [SummaryKeys.GasUtilization] = Statistic(c.GasUtilization),
            [SummaryKeys.ExecutionSeconds] = Statistic(c.Execution),
            [SummaryKeys.BlockCycleSeconds] = Statistic(c.Cycle),
            [SummaryKeys.MempoolLength] = Statistic(c.Mempool, c.Unstable),
            [SummaryKeys.MempoolLengthMax] = JsonOutput.NumberOrNull(c.MempoolMax),
            [SummaryKeys.Paths] = paths,
            [SummaryKeys.Stability] = stability,
        };
        return o;
    }

    private static JsonObject Statistic(SummaryStatistic? s, bool unstable = false) => JsonOutput.SummaryStatisticNode(s, unstable);
}
