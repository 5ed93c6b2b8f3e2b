using System.Globalization;
using System.Text.Json;

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
        if (!summary.TryGetProperty("chain", out JsonElement c) || c.ValueKind != JsonValueKind.Object) return null;
        JsonElement pipeline = c.GetProperty("pipeline");
        return new ReportChain(
            pipeline.ValueKind == JsonValueKind.Number ? pipeline.GetInt32().ToString(CultureInfo.InvariantCulture) : pipeline.GetString() ?? "",
            c.GetProperty("consensus_model").GetString() ?? "", c.GetProperty("placement").GetString() ?? "",
            c.GetProperty("blocks").GetInt64(),
            ReportStatistic.From(c, "throughput_items_per_s"), ReportStatistic.From(c, "items_per_block"), ReportStatistic.From(c, "gas_per_block"),
            ReportStatistic.From(c, "gas_utilization"), ReportStatistic.From(c, "execution_s"), ReportStatistic.From(c, "block_cycle_s"),
            ReportStatistic.From(c, "mempool_length"), ReportStatistic.Number(c, "mempool_length_max"),
            c.GetProperty("rejected_mempool_full").GetInt64(),
            [.. c.GetProperty("paths").EnumerateObject().Select(p =>
                (p.Name, ReportStatistic.From(p.Value, "inclusion_delay_s"), ReportStatistic.From(p.Value, "finality_delay_s")))]);
    }
}
