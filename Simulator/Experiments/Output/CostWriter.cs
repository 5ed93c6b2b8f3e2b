using System.Text.Json.Nodes;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Summary;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

/// <summary>
/// summary.json's <c>cost</c>, serialised from the typed <see cref="CostSummary"/> (<see cref="CostSummaries"/> says
/// what each number is and how it is computed).
/// </summary>
public static class CostWriter
{
    public static JsonObject Node(CostSummary c)
    {
        var pools = new JsonObject();
        foreach (PoolCost p in c.Pools)
        {
            pools[p.Name] = new JsonObject
            {
                [SummaryKeys.Hardware] = p.Hardware.Key(),
                [SummaryKeys.Nodes] = p.Nodes,
                [SummaryKeys.UsedNodeSeconds] = Statistic(p.UsedNodeSeconds),
                [SummaryKeys.IdleNodeSeconds] = Statistic(p.IdleNodeSeconds),
            };
        }
        var paths = new JsonObject();
        foreach (PathCost p in c.Paths)
        {
            paths[p.Path.Key()] = new JsonObject
            {
                [SummaryKeys.GpuSecondsPerRequest] = JsonOutput.NumberOrNull(p.GpuSecondsPerRequest),
                [SummaryKeys.CpuSecondsPerRequest] = JsonOutput.NumberOrNull(p.CpuSecondsPerRequest),
                [SummaryKeys.SettledPerSecond] = Statistic(p.SettledPerSecond),
            };
        }
        var classes = new JsonObject();
        foreach (ClassCost k in c.Classes)
        {
            classes[k.Name] = new JsonObject
            {
                [SummaryKeys.GpuSecondsPerRequest] = JsonOutput.NumberOrNull(k.GpuSecondsPerRequest),
                [SummaryKeys.CpuSecondsPerRequest] = JsonOutput.NumberOrNull(k.CpuSecondsPerRequest),
            };
        }
        var o = new JsonObject
        {
            [SummaryKeys.WindowSeconds] = JsonOutput.NumberOrNull(c.WindowSeconds),
            [SummaryKeys.Pools] = pools,
            [SummaryKeys.Paths] = paths,
            [SummaryKeys.Classes] = classes,
            [SummaryKeys.SettledPerSecond] = Statistic(c.SettledPerSecond),
            [SummaryKeys.TrustedPerSecond] = Statistic(c.TrustedPerSecond),
        };
        if (c.Usd is { } usd)
        {
            o[SummaryKeys.Usd] = new JsonObject
            {
                [SummaryKeys.GpuHour] = JsonOutput.NumberOrNull(usd.GpuHour),
                [SummaryKeys.CpuHour] = JsonOutput.NumberOrNull(usd.CpuHour),
                [SummaryKeys.GasPriceGwei] = JsonOutput.NumberOrNull(usd.GasPriceGwei),
                [SummaryKeys.EthUsd] = JsonOutput.NumberOrNull(usd.EthUsd),
                [SummaryKeys.HardwarePerHour] = JsonOutput.NumberOrNull(usd.HardwarePerHour),
                [SummaryKeys.GasPerHour] = Statistic(usd.GasPerHour),
                [SummaryKeys.NetworkPerHour] = Statistic(usd.NetworkPerHour),
                [SummaryKeys.PerSettledRequest] = Statistic(usd.PerSettledRequest),
                [SummaryKeys.PerTrustedRequest] = Statistic(usd.PerTrustedRequest),
            };
        }
        return o;
    }

    private static JsonObject Statistic(SummaryStatistic? s) => JsonOutput.SummaryStatisticNode(s);
}
