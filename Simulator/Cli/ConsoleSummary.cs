using System.Globalization;
using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary>
/// The one-screen text summary of a run: answers versus trust per path (with +/- 95% intervals across
/// replications when there are several), pools with measured utilisation beside the analytic rho and
/// the three-state verdict (availability too when the scenario has faults), the warm-up check, and a verdict.
/// </summary>
internal static class ConsoleSummary
{
    public static void Print(TextWriter o, Scenario scenario, IReadOnlyList<ReplicationResult> results, string directory)
    {
        var ci = CultureInfo.InvariantCulture;
        bool intervals = results.Count > 1;
        long arrived = results.Sum(r => r.Metrics.Arrived), settled = results.Sum(r => r.Metrics.Settled);
        long failed = results.Sum(r => r.Metrics.Failed), inFlight = results.Sum(r => r.Metrics.InFlight);
        o.WriteLine(string.Create(ci, $"{scenario.Name}: {scenario.Run.DurationSeconds:0.###} s simulated x {results.Count} replication(s), warm-up {scenario.Run.WarmupSeconds:0.###} s"));
        o.WriteLine(string.Create(ci, $"requests: {arrived} arrived = {settled} settled + {failed} failed + {inFlight} in flight"));
        WarmupChoice warmup = RunSummaryWriter.FixedWarmup(scenario, results);
        if (!warmup.Reliable)
            o.WriteLine(string.Create(ci,
                $"warning: the warm-up ({warmup.Seconds:0.###} s) is not confirmed by MSER-5 (it would cut {warmup.DetectedSeconds:0.###} s of {warmup.Pool ?? "the busiest pool"}); lengthen the run or the warm-up before trusting the means"));
        o.WriteLine();
        int w = intervals ? 17 : 8;
        o.WriteLine("path      count    " + "result latency (s)".PadRight(2 * w + 5) + "proof lag (s)".PadRight(2 * w + 5) + "time to trust (s)");
        o.WriteLine("                   " + string.Concat(Enumerable.Repeat("mean".PadRight(w + 1) + "p95".PadRight(w + 4), 2)) + "mean".PadRight(w + 1) + "p95");
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var metrics = results.Select(r => r.Metrics.Path(path)).ToList();
            long count = metrics.Sum(m => m.Count);
            if (count == 0) continue;
            var result = ReplicationStatistics.Merge(metrics.Select(m => m.ResultLatency));
            var lag = ReplicationStatistics.Merge(metrics.Select(m => m.ProofLag));
            var trust = ReplicationStatistics.Merge(metrics.Select(m => m.TimeToTrust));
            o.WriteLine(string.Create(ci, $"{path.Key(),-8} {count,6}    ") + M(result, intervals).PadRight(w + 1) + F(result?.P95).PadRight(w + 4)
                + M(lag, intervals).PadRight(w + 1) + F(lag?.P95).PadRight(w + 4) + M(trust, intervals).PadRight(w + 1) + F(trust?.P95));
        }
        o.WriteLine();
        CapacityReport capacity = CapacityModel.Analyse(scenario, ScenarioCatalogs.Default);
        var judged = new BacklogVerdicts(scenario, results, capacity);
        bool faults = scenario.FaultsOrNone.Any;
        string utilHeader = intervals ? "utilisation (95%)" : "utilisation";
        o.WriteLine($"pool            nodes  slots  {utilHeader,17}    rho  mean queue  {(faults ? "availability  " : "")}verdict");
        foreach (PoolResult first in results[0].Pools)
        {
            var all = results.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            var util = SummaryStatistic.FromValues(all.Select(p => p.Utilization).ToList());
            string u = intervals && util.Ci95 is { } h ? string.Create(ci, $"{util.Mean:0.000} +/- {h:0.000}") : util.Mean.ToString("0.000", ci);
            string availability = faults ? string.Create(ci, $"{all.Average(p => p.Availability),12:0.000}  ") : "";
            o.WriteLine(string.Create(ci,
                $"{first.Name,-15} {first.Nodes,5} {first.Slots,6}  {u,17}  {Rho(capacity.RhoOf(first.Name)),5}  {all.Average(p => p.QueueLength),10:0.##}  {availability}{judged.Of(first.Name)?.State.Key() ?? "-"}"));
        }
        o.WriteLine(string.Create(ci, $"{"chain",-15} {"",5} {"",6}  {"",17}  {Rho(capacity.Chain.Rho),5}  {"",10}  {(faults ? new string(' ', 14) : "")}{judged.Of(TimeSeriesSampler.SettlementPool)?.State.Key() ?? "-"}"));
        o.WriteLine(string.Create(ci,
            $"analytic: bottleneck {capacity.Bottleneck}, knee {capacity.KneeArrivalRate:0.###} req/s at this traffic mix (hacasim capacity)"));
        // On a batching pool the two columns measure different things; say so rather than let them look inconsistent.
        var batching = results[0].Pools.Where(p => capacity.Pool(p.Name)?.Batching == true).Select(p => p.Name).ToList();
        if (batching.Count > 0)
            o.WriteLine($"note: {string.Join(", ", batching)} batch{(batching.Count == 1 ? "es" : "")}: utilisation is busy slots / slots, rho is the share of the pool's " +
                "full-batch throughput the offered work needs (hacasim capacity); they measure different things and need not agree");
        o.WriteLine();
        foreach (var (backlog, v) in judged.All.Where(v => v.Value.State != StabilityState.Stable))
            o.WriteLine($"{v.State.Key()}: {backlog}: {v.Reason}");
        var unstable = judged.All.Where(v => v.Value.State == StabilityState.Unstable)
            .Select(v => (Pool: v.Key, Text: string.Create(ci, $"{v.Key} (backlog {Growth(results, v.Key)}/s)"))).ToList();
        o.WriteLine(Verdict(scenario, unstable, judged));
        o.WriteLine($"results: {directory}");
    }

    private static string Growth(IReadOnlyList<ReplicationResult> results, string backlog)
    {
        var verdicts = backlog == TimeSeriesSampler.SettlementPool
            ? results.Select(r => r.SettlementStability!).ToList()
            : results.Select(r => r.Pools.First(p => p.Name == backlog).Stability).ToList();
        var (growth, ci95) = BacklogVerdicts.Growth(verdicts);
        return string.Create(CultureInfo.InvariantCulture, $"+{growth:0.###}") + (double.IsFinite(ci95) ? string.Create(CultureInfo.InvariantCulture, $" +/- {ci95:0.###}") : "");
    }

    /// <summary>
    /// One plain sentence: whether answers keep up (the inference and data pools) and whether proofs do
    /// (the prover and verification pools, the chain). A merged pool plays both parts.
    /// </summary>
    private static string Verdict(Scenario scenario, List<(string Pool, string Text)> unstable, BacklogVerdicts judged)
    {
        if (unstable.Count == 0)
        {
            var critical = judged.All.Where(v => v.Value.State == StabilityState.Critical).Select(v => v.Key).ToList();
            return critical.Count == 0 ? "verdict: every backlog is stable; proofs keep up with answers."
                : $"verdict: no backlog is shown to grow, but {string.Join(", ", critical)} {(critical.Count == 1 ? "is" : "are")} critical (at or near capacity): see above.";
        }
        var proofPools = new[] { scenario.Roles.Prover, scenario.Roles.Verification, TimeSeriesSampler.SettlementPool }.OfType<string>().ToHashSet();
        var answerPools = new[] { scenario.Roles.Inference, scenario.Roles.Data }.ToHashSet();
        string proofs = string.Join(", ", unstable.Where(u => proofPools.Contains(u.Pool)).Select(u => u.Text));
        string answers = string.Join(", ", unstable.Where(u => answerPools.Contains(u.Pool)).Select(u => u.Text));
        if (answers.Length > 0 && proofs.Length > 0)
            return $"verdict: neither answers nor proofs keep up: backlog grows without bound in {answers}; {proofs}.";
        if (answers.Length > 0) return $"verdict: answers do NOT keep up: backlog grows without bound in {answers}.";
        return $"verdict: answers keep up but proofs do NOT: backlog grows without bound in {proofs}.";
    }

    private static string M(SummaryStatistic? s, bool intervals) =>
        s is null ? "-" : intervals && s.Ci95 is { } h ? $"{F(s.Mean)} +/- {F(h).Trim()}" : F(s.Mean);

    private static string Rho(double? rho) => rho is { } r && double.IsFinite(r) ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string F(double? x) => x is { } v ? v.ToString(v < 10 ? "0.0000" : "0.0", CultureInfo.InvariantCulture) : "-";
}
