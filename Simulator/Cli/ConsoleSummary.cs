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
    /// <summary>Prints <paramref name="summary"/> (the run's typed summary, as summary.json holds it).</summary>
    public static void Print(TextWriter o, RunSummary summary, string directory)
    {
        var ci = CultureInfo.InvariantCulture;
        Scenario scenario = summary.Scenario;
        IReadOnlyList<ReplicationResult> results = summary.Results;
        bool intervals = summary.Replications > 1;
        RequestCounts requests = summary.Requests;
        o.WriteLine(string.Create(ci, $"{scenario.Name}: {scenario.Run.DurationSeconds:0.###} s simulated x {summary.Replications} replication(s), warm-up {scenario.Run.WarmupSeconds:0.###} s"));
        o.WriteLine(string.Create(ci, $"requests: {requests.Arrived} arrived = {requests.Settled} settled + {requests.Failed} failed + {requests.InFlight} in flight"));
        // The warm-up the run used, as summary.json reports it: a fixed one checked against MSER-5 on replication 0, or
        // under --warmup auto the detected one with the pilot's own verdict on it.
        WarmupChoice warmup = summary.Warmup;
        if (!warmup.Reliable)
            o.WriteLine(string.Create(ci,
                $"warning: the warm-up ({warmup.Seconds:0.###} s) is not confirmed by MSER-5 (it would cut {warmup.DetectedSeconds:0.###} s of {warmup.Pool ?? "the busiest pool"}); lengthen the run or the warm-up before trusting the means"));
        o.WriteLine();
        int w = intervals ? 17 : 8;
        o.WriteLine("path      count    " + "result latency (s)".PadRight(2 * w + 5) + "proof lag (s)".PadRight(2 * w + 5) + "time to trust (s)");
        o.WriteLine("                   " + string.Concat(Enumerable.Repeat("mean".PadRight(w + 1) + "p95".PadRight(w + 4), 2)) + "mean".PadRight(w + 1) + "p95");
        foreach (PathSummary p in summary.Paths)
        {
            if (p.Count == 0) continue;
            var (result, lag, trust) = (p.ResultLatency, p.ProofLag, p.TimeToTrust);
            o.WriteLine(string.Create(ci, $"{p.Path.Key(),-8} {p.Count,6}    ") + M(result, intervals).PadRight(w + 1) + F(result?.P95).PadRight(w + 4)
                + M(lag, intervals).PadRight(w + 1) + F(lag?.P95).PadRight(w + 4) + M(trust, intervals).PadRight(w + 1) + F(trust?.P95));
        }
        o.WriteLine();
        CapacityReport capacity = summary.Capacity;
        BacklogVerdicts judged = summary.Verdicts;
        bool faults = scenario.FaultsOrNone.Any;
        string utilHeader = intervals ? "utilisation (95%)" : "utilisation";
        o.WriteLine($"pool            nodes  slots  {utilHeader,17}    rho  mean queue  {(faults ? "availability  " : "")}verdict");
        foreach (PoolSummary pool in summary.Pools)
        {
            var util = pool.Utilization;
            string u = intervals && util.Ci95 is { } h ? string.Create(ci, $"{util.Mean:0.000} +/- {h:0.000}") : util.Mean.ToString("0.000", ci);
            string availability = faults ? string.Create(ci, $"{pool.Availability.Mean,12:0.000}  ") : "";
            o.WriteLine(string.Create(ci,
                $"{pool.Name,-15} {pool.Nodes,5} {pool.Slots,6}  {u,17}  {Rho(capacity.RhoOf(pool.Name)),5}  {pool.QueueLength.Mean,10:0.##}  {availability}{judged.Of(pool.Name)?.State.Key() ?? "-"}"));
        }
        o.WriteLine(string.Create(ci, $"{"chain",-15} {"",5} {"",6}  {"",17}  {Rho(capacity.Chain.Rho),5}  {"",10}  {(faults ? new string(' ', 14) : "")}{judged.Of(TimeSeriesSampler.SettlementPool)?.State.Key() ?? "-"}"));
        o.WriteLine(string.Create(ci,
            $"analytic: bottleneck {capacity.Bottleneck}, knee {capacity.KneeArrivalRate:0.###} req/s at this traffic mix (hacasim capacity)"));
        // On a batching pool the two columns measure different things; say so rather than let them look inconsistent.
        var batching = summary.Pools.Where(p => capacity.Pool(p.Name)?.Batching == true).Select(p => p.Name).ToList();
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
