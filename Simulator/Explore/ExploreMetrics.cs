using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Experiments.Sweep;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Explore;

/// <summary>
/// The outputs explore.csv reports per sample, named as its columns: per path (and over all paths, "all") result
/// latency, proof lag and time to trust, mean and p95 of each replication, then averaged with a Student-t interval
/// across replications; the downgrade share and each path's share of the requests; the cost per settled and per trusted request (dollars, with
/// <c>costs:</c>); each pool's measured utilisation and mean wait in queue; and, from the analytic capacity check, each pool's and the
/// chain's rho and the largest. Categorical: the bottleneck (the resource with the largest rho, which breaks first)
/// and every backlog's three-state verdict.
/// </summary>
public static class ExploreMetrics
{
    public const string AllPaths = "all";
    public const string Bottleneck = "bottleneck";
    public const string VerdictPrefix = "verdict_";
    public const string RhoMax = "rho_max";
    public const string CostPerSettled = "cost_per_settled_usd";
    public const string CostPerTrusted = "cost_per_trusted_usd";

    private static readonly string[] Latencies = [ReplicationMetrics.ResultLatency, ReplicationMetrics.ProofLag, ReplicationMetrics.TimeToTrust];

    public static string PathOutput(string path, string latency, string statistic) => $"{path}_{latency}_{statistic}";

    /// <summary>The share of decided requests a path got ("_path_share": "zkml_share" is the scenarios' traffic parameter).</summary>
    public static string PathShare(string path) => $"{path}_path_share";

    /// <summary>The p95 of proof lag on a path, the outcome --lag-threshold judges.</summary>
    public static string ProofLagP95(string path) => PathOutput(path, ReplicationMetrics.ProofLag, SummaryKeys.P95);

    public static IReadOnlyList<string> Paths { get; } = [AllPaths, .. VerificationPaths.All.Select(p => p.Key())];

    /// <summary>The simulated outputs of one sample, each across its replications.</summary>
    public static List<(string Name, ConfidenceInterval Interval)> Simulated(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        var perReplication = reps.Select(PerReplication).ToList();
        var outputs = perReplication[0].Select((m, i) => (m.Name, Interval(perReplication.Select(r => r[i].Value)))).ToList();
        var (perSettled, perTrusted) = CostSummaries.UsdPerRequest(scenario, reps);
        outputs.Add((CostPerSettled, Interval(perSettled)));
        outputs.Add((CostPerTrusted, Interval(perTrusted)));
        foreach (PoolResult pool in reps[0].Pools)
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == pool.Name)).ToList();
            outputs.Add(($"{pool.Name}_utilization", Interval(all.Select(p => p.Utilization))));
            outputs.Add(($"{pool.Name}_wait_s", Interval(all.Select(p => p.Wait.Count > 0 ? p.Wait.Mean : double.NaN))));
        }
        return outputs;
    }

    /// <summary>rho of every pool and of the chain, and the largest: exact for the sample's scenario.</summary>
    public static List<(string Name, double Value)> Analytic(CapacityReport capacity) =>
        [.. capacity.Pools.Select(p => ($"{p.Name}_rho", p.Rho)), ("chain_rho", capacity.Chain.Rho), (RhoMax, capacity.MaxRho)];

    private static List<(string Name, double Value)> PerReplication(ReplicationResult r)
    {
        var list = new List<(string, double)>();
        foreach (string path in Paths)
        {
            IEnumerable<PathMetrics> metrics = path == AllPaths ? VerificationPaths.All.Select(r.Metrics.Path)
                : [r.Metrics.Path(VerificationPaths.All.First(p => p.Key() == path))];
            foreach (string latency in Latencies)
            {
                var merged = new SampleStatistic();
                foreach (PathMetrics m in metrics) merged.Merge(Statistic(m, latency));
                list.Add((PathOutput(path, latency, SummaryKeys.Mean), merged.Count > 0 ? merged.Mean : double.NaN));
                list.Add((PathOutput(path, latency, SummaryKeys.P95), merged.Quantile(0.95)));
            }
        }
        list.Add((ReplicationMetrics.DowngradeShare, r.Metrics.Decided > 0 ? (double)r.Metrics.Downgrades.Values.Sum() / r.Metrics.Decided : double.NaN));
        // Where the requests went (summary.json's paths.PATH.share): a policy's drift shows here even when the path it
        // picks on an idle network is already the weak one (then nothing counts as a downgrade).
        foreach (VerificationPath p in VerificationPaths.All)
            list.Add((PathShare(p.Key()), r.Metrics.Decided > 0 ? (double)r.Metrics.Path(p).Count / r.Metrics.Decided : double.NaN));
        return list;
    }

    private static SampleStatistic Statistic(PathMetrics m, string latency) => latency switch
    {
        ReplicationMetrics.ResultLatency => m.ResultLatency,
        ReplicationMetrics.ProofLag => m.ProofLag,
        _ => m.TimeToTrust,
    };

    /// <summary>Mean and 95% Student-t interval over the replications that observed something.</summary>
    private static ConfidenceInterval Interval(IEnumerable<double> values) => ConfidenceInterval.FromSamples([.. values.Where(double.IsFinite)]);
}
