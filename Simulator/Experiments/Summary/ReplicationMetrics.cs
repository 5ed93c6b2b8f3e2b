using HacaSim.Analysis.Output;
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
    public const string ResultLatency = SummaryKeys.ResultLatencySeconds;
    public const string ProofLag = SummaryKeys.ProofLagSeconds;
    public const string TimeToTrust = SummaryKeys.TimeToTrustSeconds;
    public const string DowngradeShare = SummaryKeys.DowngradeShare;

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
            string prefix = SummaryKeys.Paths + "." + p.Key() + ".";
            list.Add((prefix + SummaryKeys.Share, m.Decided > 0 ? (double)pm.Count / m.Decided : double.NaN));
            list.Add((prefix + ResultLatency, Mean([pm.ResultLatency])));
            list.Add((prefix + ProofLag, Mean([pm.ProofLag])));
            list.Add((prefix + TimeToTrust, Mean([pm.TimeToTrust])));
        }
        foreach (PoolResult pool in r.Pools)
        {
            list.Add(($"{SummaryKeys.Pools}.{pool.Name}.{SummaryKeys.Utilization}", pool.Utilization));
            list.Add(($"{SummaryKeys.Pools}.{pool.Name}.{SummaryKeys.WaitSeconds}", pool.Wait.Count > 0 ? pool.Wait.Mean : double.NaN));
        }
        ChainMetrics? chain = r.Chain;
        list.Add((SummaryKeys.Chain + "." + SummaryKeys.ThroughputItemsPerSecond, chain?.ThroughputItemsPerSecond ?? double.NaN));
        list.Add((SummaryKeys.Chain + "." + SummaryKeys.InclusionDelaySeconds, chain is null ? double.NaN : Mean(VerificationPaths.All.Select(chain.Inclusion))));
        list.Add((SummaryKeys.Chain + "." + SummaryKeys.FinalityDelaySeconds, chain is null ? double.NaN : Mean(VerificationPaths.All.Select(chain.Finality))));
        list.Add((SummaryKeys.Chain + "." + SummaryKeys.BlockCycleSeconds, chain is null ? double.NaN : Mean([chain.CycleSeconds])));
        list.Add((SummaryKeys.Chain + "." + SummaryKeys.MempoolLength, chain?.MempoolMean ?? double.NaN));
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
