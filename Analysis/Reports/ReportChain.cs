using System.Globalization;
using System.Text.Json;
using HacaSim.Analysis.Output;

namespace HacaSim.Analysis.Reports;

/// <summary>summary.json's "chain" section as the report shows it.</summary>
public sealed record ReportChain(
    string Pipeline,
    string ConsensusModel,
    string Placement,
    long Blocks,
    ReportStatistic? Throughput,
    ReportStatistic? ItemsPerBlock,
    ReportStatistic? GasPerBlock,
    ReportStatistic? GasUtilization,
    ReportStatistic? Execution,
    ReportStatistic? Cycle,
    ReportStatistic? Mempool,
    double? MempoolMax,
    long RejectedMempoolFull,
    IReadOnlyList<(string Path, ReportStatistic? Inclusion, ReportStatistic? Finality)> Paths)
{
    public static ReportChain? From(JsonElement summary)
    {
        if (!summary.TryGetProperty(SummaryKeys.Chain, out JsonElement c) || c.ValueKind != JsonValueKind.Object) return null;
        JsonElement pipeline = c.GetProperty(SummaryKeys.Pipeline);
        return new ReportChain(
            pipeline.ValueKind == JsonValueKind.Number ? pipeline.GetInt32().ToString(CultureInfo.InvariantCulture) : pipeline.GetString() ?? "",
            c.GetProperty(SummaryKeys.ConsensusModel).GetString() ?? "", c.GetProperty(SummaryKeys.Placement).GetString() ?? "",
            c.GetProperty(SummaryKeys.Blocks).GetInt64(),
            ReportStatistic.From(c, SummaryKeys.ThroughputItemsPerSecond), ReportStatistic.From(c, SummaryKeys.ItemsPerBlock), ReportStatistic.From(c, SummaryKeys.GasPerBlock),
            ReportStatistic.From(c, SummaryKeys.GasUtilization), ReportStatistic.From(c, SummaryKeys.ExecutionSeconds), ReportStatistic.From(c, SummaryKeys.BlockCycleSeconds),
            ReportStatistic.From(c, SummaryKeys.MempoolLength), ReportStatistic.Number(c, SummaryKeys.MempoolLengthMax),
            c.GetProperty(SummaryKeys.RejectedMempoolFull).GetInt64(),
            [.. c.GetProperty(SummaryKeys.Paths).EnumerateObject().Select(p =>
                (p.Name, ReportStatistic.From(p.Value, SummaryKeys.InclusionDelaySeconds), ReportStatistic.From(p.Value, SummaryKeys.FinalityDelaySeconds)))]);
    }
}
