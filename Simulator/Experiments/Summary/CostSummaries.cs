using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// Builds a run's <see cref="CostSummary"/>. Pools that play the inference or prover role are GPU hardware, the others
/// CPU. Per pool, node-seconds used (utilisation x nodes x measured window) and idle, measured. Per path and class,
/// node-seconds per request from the analytic work (<see cref="CapacityModel"/>: work / a node's capacity), i.e.
/// expected, not traced per request. Throughput by path (trust-weighted throughput) is measured: requests arriving
/// after the warm-up and settled, per second of the window. With <c>costs:</c>, dollars: the whole network per hour
/// (every node paid, busy or idle, plus gas of the settled items) divided by settled and by trusted requests (ZKML,
/// TEE and challenged ZK-CRV; challenged taken as the challenge probability of ZK-CRV's settled).
/// </summary>
public static class CostSummaries
{
    public static Hardware HardwareOf(Scenario s, string pool) => s.Roles.Inference == pool || s.Roles.Prover == pool ? Hardware.Gpu : Hardware.Cpu;

    public static CostSummary Of(Scenario scenario, IReadOnlyList<ReplicationResult> reps, CapacityReport capacity)
    {
        double window = scenario.Run.DurationSeconds - scenario.Run.WarmupSeconds;
        var pools = reps[0].Pools.Select(first =>
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            return new PoolCost(first.Name, HardwareOf(scenario, first.Name), first.Nodes,
                Stat(all.Select(p => p.Utilization * p.Nodes * window).ToList()),
                Stat(all.Select(p => (1 - p.Utilization) * p.Nodes * window).ToList()));
        }).ToList();

        var nodeSeconds = capacity.Work.Select(pw => (pw, Gpu: NodeSeconds(pw, Hardware.Gpu), Cpu: NodeSeconds(pw, Hardware.Cpu))).ToList();
        (double Gpu, double Cpu) PerRequest(IEnumerable<(PathWork pw, double Gpu, double Cpu)> group)
        {
            var list = group.ToList();
            double share = list.Sum(x => x.pw.Share);
            return share > 0 ? (list.Sum(x => x.pw.Share * x.Gpu) / share, list.Sum(x => x.pw.Share * x.Cpu) / share) : (0, 0);
        }
        var paths = VerificationPaths.All.Select(path =>
        {
            var (gpu, cpu) = PerRequest(nodeSeconds.Where(x => x.pw.Path == path));
            return new PathCost(path, gpu, cpu, Stat(reps.Select(r => r.Metrics.Path(path).TimeToTrust.Count / window).ToList()));
        }).ToList();
        var classes = nodeSeconds.GroupBy(x => x.pw.Class).Select(group =>
        {
            var (gpu, cpu) = PerRequest(group);
            return new ClassCost(group.Key, gpu, cpu);
        }).ToList();

        var (settled, trusted) = Throughput(scenario, reps);
        UsdCost? usd = null;
        if (scenario.Costs is { } costs)
        {
            double hardware = HardwarePerHourUsd(scenario, reps[0]);
            var gas = GasPerHourUsd(scenario, reps);
            var (perSettled, perTrusted) = UsdPerRequest(scenario, reps);
            usd = new UsdCost(costs.GpuHourUsd, costs.CpuHourUsd, costs.GasPriceGwei, costs.EthUsd, hardware,
                Stat(gas), Stat(gas.Select(g => hardware + g).ToList()), Stat(perSettled), Stat(perTrusted));
        }
        return new CostSummary(window, pools, paths, classes, Stat(settled), Stat(trusted), usd);

        double NodeSeconds(PathWork pw, Hardware hardware) => pw.WorkByPool
            .Where(x => HardwareOf(scenario, x.Key) == hardware && capacity.Pool(x.Key) is { CapacityWorkPerSecond: > 0 })
            .Sum(x => x.Value * capacity.Pool(x.Key)!.Nodes / capacity.Pool(x.Key)!.CapacityWorkPerSecond);
    }

    /// <summary>
    /// Per replication, requests settled per second of the window and trusted ones (ZKML, TEE and challenged ZK-CRV;
    /// challenged taken as the challenge probability of ZK-CRV's settled).
    /// </summary>
    public static (List<double> Settled, List<double> Trusted) Throughput(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        double window = scenario.Run.DurationSeconds - scenario.Run.WarmupSeconds;
        double q = scenario.Paths.ZkCrv.ChallengeProbability;
        double PerSecond(ReplicationResult r, VerificationPath p) => r.Metrics.Path(p).TimeToTrust.Count / window;
        return (reps.Select(r => VerificationPaths.All.Sum(p => PerSecond(r, p))).ToList(),
            reps.Select(r => PerSecond(r, VerificationPath.Zkml) + PerSecond(r, VerificationPath.Tee) + q * PerSecond(r, VerificationPath.ZkCrv)).ToList());
    }

    /// <summary>Per replication, the network's dollars per hour over its settled and over its trusted requests per hour (NaN without <c>costs:</c>).</summary>
    public static (List<double> PerSettled, List<double> PerTrusted) UsdPerRequest(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        var (settled, trusted) = Throughput(scenario, reps);
        double hardware = HardwarePerHourUsd(scenario, reps[0]);
        var gas = GasPerHourUsd(scenario, reps);
        return (Enumerable.Range(0, reps.Count).Select(i => settled[i] > 0 ? (hardware + gas[i]) / (settled[i] * 3600) : double.NaN).ToList(),
            Enumerable.Range(0, reps.Count).Select(i => trusted[i] > 0 ? (hardware + gas[i]) / (trusted[i] * 3600) : double.NaN).ToList());
    }

    /// <summary>Every node of the network paid per hour, busy or idle (needs <c>costs:</c>).</summary>
    public static double HardwarePerHourUsd(Scenario scenario, ReplicationResult rep) =>
        scenario.Costs is { } costs ? rep.Pools.Sum(p => p.Nodes * (HardwareOf(scenario, p.Name) == Hardware.Gpu ? costs.GpuHourUsd : costs.CpuHourUsd)) : double.NaN;

    /// <summary>Per replication, the gas of the settled items per hour (needs <c>costs:</c>).</summary>
    public static List<double> GasPerHourUsd(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        double window = scenario.Run.DurationSeconds - scenario.Run.WarmupSeconds;
        if (scenario.Costs is not { } costs) return reps.Select(_ => double.NaN).ToList();
        return reps.Select(r => VerificationPaths.All.Sum(p => r.Metrics.Path(p).TimeToTrust.Count / window * 3600 * costs.GasUsd(scenario.Paths.SettleGas(p)))).ToList();
    }

    /// <summary>The finite per-replication values as a statistic; null when there are none.</summary>
    private static SummaryStatistic? Stat(IReadOnlyList<double> perReplication)
    {
        var finite = perReplication.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? null : SummaryStatistic.FromValues(finite);
    }
}
