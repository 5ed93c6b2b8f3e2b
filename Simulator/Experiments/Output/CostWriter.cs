using System.Text.Json;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

/// <summary>
/// summary.json's <c>cost</c>: what the hardware did and what trust costs (model.md, Measurement: cost in
/// GPU- and CPU-seconds, dollars with prices). Pools that play the inference or prover role are GPU
/// hardware, the others CPU. Per pool, node-seconds used (utilisation x nodes x measured window) and
/// idle, measured. Per path and class, node-seconds per request from the analytic work
/// (<see cref="CapacityModel"/>: work / a node's capacity), i.e. expected, not traced per request.
/// Throughput by path (trust-weighted throughput) is measured: requests arriving after the warm-up and
/// settled, per second of the window. With <c>costs:</c>, dollars: the whole network per hour (every
/// node paid, busy or idle, plus gas of the settled items) divided by settled and by trusted requests
/// (ZKML, TEE and challenged ZK-CRV; challenged taken as the challenge probability of ZK-CRV's settled).
/// </summary>
public static class CostWriter
{
    public const string Gpu = "gpu";
    public const string Cpu = "cpu";

    public static string Hardware(Scenario s, string pool) => s.Roles.Inference == pool || s.Roles.Prover == pool ? Gpu : Cpu;

    public static void Write(Utf8JsonWriter w, Scenario scenario, IReadOnlyList<ReplicationResult> reps, CapacityReport capacity)
    {
        double window = scenario.Run.DurationSeconds - scenario.Run.WarmupSeconds;
        w.WriteStartObject(SummaryKeys.Cost);
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.WindowSeconds, window);
        w.WriteStartObject(SummaryKeys.Pools);
        foreach (PoolResult first in reps[0].Pools)
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            w.WriteStartObject(first.Name);
            w.WriteString(SummaryKeys.Hardware, Hardware(scenario, first.Name));
            w.WriteNumber(SummaryKeys.Nodes, first.Nodes);
            Stat(w, SummaryKeys.UsedNodeSeconds, all.Select(p => p.Utilization * p.Nodes * window).ToList());
            Stat(w, SummaryKeys.IdleNodeSeconds, all.Select(p => (1 - p.Utilization) * p.Nodes * window).ToList());
            w.WriteEndObject();
        }
        w.WriteEndObject();

        var nodeSeconds = capacity.Work.Select(pw => (pw, Gpu: NodeSeconds(pw, Gpu), Cpu: NodeSeconds(pw, Cpu))).ToList();
        (double Gpu, double Cpu) PerRequest(IEnumerable<(PathWork pw, double Gpu, double Cpu)> group)
        {
            var list = group.ToList();
            double share = list.Sum(x => x.pw.Share);
            return share > 0 ? (list.Sum(x => x.pw.Share * x.Gpu) / share, list.Sum(x => x.pw.Share * x.Cpu) / share) : (0, 0);
        }
        var settledPerSecond = VerificationPaths.All.ToDictionary(p => p,
            p => reps.Select(r => r.Metrics.Path(p).TimeToTrust.Count / window).ToList());
        w.WriteStartObject(SummaryKeys.Paths);
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var (gpu, cpu) = PerRequest(nodeSeconds.Where(x => x.pw.Path == path));
            w.WriteStartObject(path.Key());
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.GpuSecondsPerRequest, gpu);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.CpuSecondsPerRequest, cpu);
            Stat(w, SummaryKeys.SettledPerSecond, settledPerSecond[path]);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject(SummaryKeys.Classes);
        foreach (var group in nodeSeconds.GroupBy(x => x.pw.Class))
        {
            var (gpu, cpu) = PerRequest(group);
            w.WriteStartObject(group.Key);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.GpuSecondsPerRequest, gpu);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.CpuSecondsPerRequest, cpu);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        var (settled, trusted) = Throughput(scenario, reps);
        Stat(w, SummaryKeys.SettledPerSecond, settled);
        Stat(w, SummaryKeys.TrustedPerSecond, trusted);
        if (scenario.Costs is { } costs)
        {
            double hardware = HardwarePerHourUsd(scenario, reps[0]);
            var gas = GasPerHourUsd(scenario, reps);
            w.WriteStartObject(SummaryKeys.Usd);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.GpuHour, costs.GpuHourUsd);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.CpuHour, costs.CpuHourUsd);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.GasPriceGwei, costs.GasPriceGwei);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.EthUsd, costs.EthUsd);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.HardwarePerHour, hardware);
            Stat(w, SummaryKeys.GasPerHour, gas);
            Stat(w, SummaryKeys.NetworkPerHour, gas.Select(g => hardware + g).ToList());
            var (perSettled, perTrusted) = UsdPerRequest(scenario, reps);
            Stat(w, SummaryKeys.PerSettledRequest, perSettled);
            Stat(w, SummaryKeys.PerTrustedRequest, perTrusted);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        double NodeSeconds(PathWork pw, string hardware) => pw.WorkByPool
            .Where(x => Hardware(scenario, x.Key) == hardware && capacity.Pool(x.Key) is { CapacityWorkPerSecond: > 0 })
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
        scenario.Costs is { } costs ? rep.Pools.Sum(p => p.Nodes * (Hardware(scenario, p.Name) == Gpu ? costs.GpuHourUsd : costs.CpuHourUsd)) : double.NaN;

    /// <summary>Per replication, the gas of the settled items per hour (needs <c>costs:</c>).</summary>
    public static List<double> GasPerHourUsd(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        double window = scenario.Run.DurationSeconds - scenario.Run.WarmupSeconds;
        if (scenario.Costs is not { } costs) return reps.Select(_ => double.NaN).ToList();
        return reps.Select(r => VerificationPaths.All.Sum(p => r.Metrics.Path(p).TimeToTrust.Count / window * 3600 * costs.GasUsd(SettleGas(scenario, p)))).ToList();
    }

    /// <summary>Gas of one settled item of a path (a challenged ZK-CRV item pays ZKML's), as the chain charges it.</summary>
    private static double SettleGas(Scenario s, VerificationPath path) => s.Paths.SettleGas(path);

    private static void Stat(Utf8JsonWriter w, string name, IReadOnlyList<double> perReplication)
    {
        var finite = perReplication.Where(double.IsFinite).ToList();
        JsonOutput.WriteSummaryStatistic(w, name, finite.Count == 0 ? null : SummaryStatistic.FromValues(finite));
    }
}
