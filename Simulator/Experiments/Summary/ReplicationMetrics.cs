using HacaSim.Analysis.Statistics;
using HacaSim.Model.Chain;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// The per-replication numbers experiments compare, named like summary.json's key paths: latencies over
/// all paths and per path (means, seconds), each path's share of requests, each pool's utilisation and
/// mean wait, the share of requests downgraded, and the chain's throughput, inclusion and finality delays
/// (over all paths), block cycle and mean mempool length. NaN where nothing was observed.
/// </summary>
public static class ReplicationMetrics
{
    public const string ResultLatency = "result_latency_s";
    public const string ProofLag = "proof_lag_s";
    public const string TimeToTrust = "time_to_trust_s";
    public const string DowngradeShare = "downgrade_share";

    public static List<(string Name, double Value)> Of(ReplicationResult r)
    {
        RunMetrics m = r.Metrics;
        var list = new List<(string, double)>
        {
            (ResultLatency, Mean(VerificationPaths.All.Select(p => m.Path(p).ResultLatency))),
            (ProofLag, Mean(VerificationPaths.All.Select(p => m.Path(p).ProofLag))),
            (TimeToTrust, Mean(VerificationPaths.All.Select(p => m.Path(p).TimeToTrust))),
            (DowngradeShare, m.Decided > 0 ? (double)m.Downgrades.Values.Sum() / m.Decided : double.NaN),
        };
        foreach (VerificationPath p in VerificationPaths.All)
        {
            PathMetrics pm = m.Path(p);
            string prefix = "paths." + p.Key() + ".";
            list.Add((prefix + "share", m.Decided > 0 ? (double)pm.Count / m.Decided : double.NaN));
            list.Add((prefix + ResultLatency, Mean([pm.ResultLatency])));
            list.Add((prefix + ProofLag, Mean([pm.ProofLag])));
            list.Add((prefix + TimeToTrust, Mean([pm.TimeToTrust])));
        }
        foreach (PoolResult pool in r.Pools)
        {
            list.Add(($"pools.{pool.Name}.utilization", pool.Utilization));
            list.Add(($"pools.{pool.Name}.wait_s", pool.Wait.Count > 0 ? pool.Wait.Mean : double.NaN));
        }
        ChainMetrics? chain = r.Chain;
        list.Add(("chain.throughput_items_per_s", chain?.ThroughputItemsPerSecond ?? double.NaN));
        list.Add(("chain.inclusion_delay_s", chain is null ? double.NaN : Mean(VerificationPaths.All.Select(chain.Inclusion))));
        list.Add(("chain.finality_delay_s", chain is null ? double.NaN : Mean(VerificationPaths.All.Select(chain.Finality))));
        list.Add(("chain.block_cycle_s", chain is null ? double.NaN : Mean([chain.CycleSeconds])));
        list.Add(("chain.mempool_length", chain?.MempoolMean ?? double.NaN));
        return list;
    }

    private static double Mean(IEnumerable<SampleStatistic> statistics)
    {
        long n = 0;
        double sum = 0;
        foreach (SampleStatistic s in statistics)
        {
            n += s.Count;
            sum += s.Count * (s.Count > 0 ? s.Mean : 0);
        }
        return n > 0 ? sum / n : double.NaN;
    }
}
