using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments;

/// <summary>
/// MSER-5 warm-up detection on one replication's sampled backlog (waiting + in service) of its busiest
/// stable pool (highest utilisation): that queue relaxes slowest, so its cut covers the quieter pools. An
/// unstable pool has no steady state to reach and is skipped; if every pool is unstable the busiest one is
/// used and the cut is unreliable. The series starts at t = 0 whatever warm-up the replication applied.
/// </summary>
public static class WarmupDetector
{
    public sealed record Detection(double Seconds, bool Reliable, string Pool);

    public static Detection Detect(ReplicationResult replication)
    {
        var byLoad = replication.Pools.OrderByDescending(p => p.Utilization).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        PoolResult? pool = byLoad.FirstOrDefault(p => p.Stability.Stable);
        bool anyStable = pool is not null;
        pool ??= byLoad[0];
        var rows = replication.TimeSeries.Where(r => r.Pool == pool.Name).OrderBy(r => r.TimeSeconds).ToList();
        if (rows.Count == 0) return new Detection(0, false, pool.Name);
        Mser5Result cut = Mser5.TruncationIndex([.. rows.Select(r => (double)r.Backlog)]);
        double seconds = cut.TruncatedObservations < rows.Count ? rows[cut.TruncatedObservations].TimeSeconds : rows[^1].TimeSeconds;
        return new Detection(seconds, cut.Reliable && anyStable, pool.Name);
    }
}
