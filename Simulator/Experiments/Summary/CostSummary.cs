using HacaSim.Analysis.Statistics;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// summary.json "cost": what the hardware did and what trust costs (model.md, Measurement). Per pool, node-seconds
/// used and idle (measured); per path and class, GPU- and CPU-seconds per request from the analytic work (expected,
/// not traced); settled and trusted requests per second (measured); with <c>costs:</c>, dollars (<see cref="Usd"/>).
/// Statistics are over replications; built by <see cref="CostSummaries.Of"/>.
/// </summary>
public sealed record CostSummary(
    double WindowSeconds,
    IReadOnlyList<PoolCost> Pools,
    IReadOnlyList<PathCost> Paths,
    IReadOnlyList<ClassCost> Classes,
    SummaryStatistic? SettledPerSecond,
    SummaryStatistic? TrustedPerSecond,
    UsdCost? Usd);

/// <summary>The hardware a pool is paid as: inference and prover pools are GPU, the others CPU.</summary>
public enum Hardware
{
    Gpu,
    Cpu,
}

public static class HardwareKeys
{
    public static string Key(this Hardware h) => h == Hardware.Gpu ? "gpu" : "cpu";
}

/// <summary>"cost.pools.POOL": node-seconds used (utilisation x nodes x window) and idle, per replication.</summary>
public sealed record PoolCost(string Name, Hardware Hardware, int Nodes, SummaryStatistic? UsedNodeSeconds, SummaryStatistic? IdleNodeSeconds);

/// <summary>"cost.paths.PATH": expected GPU- and CPU-seconds per request, and the path's settled requests per second.</summary>
public sealed record PathCost(VerificationPath Path, double GpuSecondsPerRequest, double CpuSecondsPerRequest, SummaryStatistic? SettledPerSecond);

/// <summary>"cost.classes.CLASS": expected GPU- and CPU-seconds per request of the class.</summary>
public sealed record ClassCost(string Name, double GpuSecondsPerRequest, double CpuSecondsPerRequest);

/// <summary>"cost.usd": the prices, the network's dollars per hour, and dollars per settled and per trusted request.</summary>
public sealed record UsdCost(double GpuHour, double CpuHour, double? GasPriceGwei, double? EthUsd, double HardwarePerHour,
    SummaryStatistic? GasPerHour, SummaryStatistic? NetworkPerHour, SummaryStatistic? PerSettledRequest, SummaryStatistic? PerTrustedRequest);
