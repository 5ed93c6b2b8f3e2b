using System.Globalization;
using HacaSim.Capacity;
using HacaSim.Catalog;
using HacaSim.Experiments;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary>The one-screen text summary of a run: answers versus trust per path, pools, and a verdict.</summary>
internal static class ConsoleSummary
{
    public static void Print(TextWriter o, Scenario scenario, IReadOnlyList<ReplicationResult> results, string directory)
    {
        var ci = CultureInfo.InvariantCulture;
        long arrived = results.Sum(r => r.Metrics.Arrived), settled = results.Sum(r => r.Metrics.Settled);
        long failed = results.Sum(r => r.Metrics.Failed), inFlight = results.Sum(r => r.Metrics.InFlight);
        o.WriteLine(string.Create(ci, $"{scenario.Name}: {scenario.Run.DurationSeconds:0.###} s simulated x {results.Count} replication(s), warm-up {scenario.Run.WarmupSeconds:0.###} s"));
        o.WriteLine(string.Create(ci, $"requests: {arrived} arrived = {settled} settled + {failed} failed + {inFlight} in flight"));
        o.WriteLine();
        o.WriteLine("path      count    result latency (s)     proof lag (s)          time to trust (s)");
        o.WriteLine("                   mean      p95          mean      p95          mean      p95");
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var metrics = results.Select(r => r.Metrics.Path(path)).ToList();
            long count = metrics.Sum(m => m.Count);
            if (count == 0) continue;
            var result = RunSummaryWriter.Merge(metrics.Select(m => m.ResultLatency));
            var lag = RunSummaryWriter.Merge(metrics.Select(m => m.ProofLag));
            var trust = RunSummaryWriter.Merge(metrics.Select(m => m.TimeToTrust));
            o.WriteLine(string.Create(ci,
                $"{path.Key(),-8} {count,6}    {F(result?.Mean),8} {F(result?.P95),8}     {F(lag?.Mean),8} {F(lag?.P95),8}     {F(trust?.Mean),8} {F(trust?.P95),8}"));
        }
        o.WriteLine();
        CapacityReport capacity = CapacityModel.Analyse(scenario, ScenarioCatalogs.Default);
        o.WriteLine("pool            nodes  slots  utilisation    rho  mean queue  stable");
        var unstable = new List<(string Pool, string Text)>();
        foreach (PoolResult first in results[0].Pools)
        {
            var all = results.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            bool isUnstable = RunSummaryWriter.Unstable(all.Select(p => p.Stability));
            if (isUnstable) unstable.Add((first.Name, $"{first.Name} (backlog +{all.Average(p => p.Stability.GrowthPerSecond).ToString("0.###", ci)}/s)"));
            o.WriteLine(string.Create(ci,
                $"{first.Name,-15} {first.Nodes,5} {first.Slots,6}  {all.Average(p => p.Utilization),11:0.000}  {Rho(capacity.RhoOf(first.Name)),5}  {all.Average(p => p.QueueLength),10:0.##}  {(isUnstable ? "NO" : "yes")}"));
        }
        o.WriteLine(string.Create(ci, $"{"chain",-15} {"",5} {"",6}  {"",11}  {Rho(capacity.Chain.Rho),5}"));
        o.WriteLine(string.Create(ci,
            $"analytic: bottleneck {capacity.Bottleneck}, knee {capacity.KneeArrivalRate:0.###} req/s at this traffic mix (hacasim capacity)"));
        o.WriteLine();
        o.WriteLine(Verdict(scenario, unstable));
        o.WriteLine($"results: {directory}");
    }

    /// <summary>
    /// One plain sentence: whether answers keep up (the inference and data pools) and whether proofs do
    /// (the prover and verification pools). A merged pool plays both parts.
    /// </summary>
    private static string Verdict(Scenario scenario, List<(string Pool, string Text)> unstable)
    {
        if (unstable.Count == 0) return "verdict: every backlog is stable; proofs keep up with answers.";
        var proofPools = new[] { scenario.Roles.Prover, scenario.Roles.Verification }.OfType<string>().ToHashSet();
        var answerPools = new[] { scenario.Roles.Inference, scenario.Roles.Data }.ToHashSet();
        string proofs = string.Join(", ", unstable.Where(u => proofPools.Contains(u.Pool)).Select(u => u.Text));
        string answers = string.Join(", ", unstable.Where(u => answerPools.Contains(u.Pool)).Select(u => u.Text));
        if (answers.Length > 0 && proofs.Length > 0)
            return $"verdict: neither answers nor proofs keep up: backlog grows without bound in {answers}; {proofs}.";
        if (answers.Length > 0) return $"verdict: answers do NOT keep up: backlog grows without bound in {answers}.";
        return $"verdict: answers keep up but proofs do NOT: backlog grows without bound in {proofs}.";
    }

    private static string Rho(double? rho) => rho is { } r && double.IsFinite(r) ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string F(double? x) => x is { } v ? v.ToString(v < 10 ? "0.0000" : "0.0", CultureInfo.InvariantCulture) : "-";
}
