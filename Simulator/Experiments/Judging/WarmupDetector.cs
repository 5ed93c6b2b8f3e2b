using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Records;
using HacaSim.Analysis.Statistics;
using HacaSim.Model;

namespace HacaSim.Experiments.Judging;

/// <summary>
/// MSER-5 warm-up detection on the sampled backlog (waiting + in service) of the busiest stable pool (highest
/// utilisation): that queue relaxes slowest, so its cut covers the quieter pools. The series is the mean across
/// the given replications at each sample time: one run of a busy queue wanders on the same time scale as its
/// start-up transient and MSER then cuts at random, while the mean of a few replications shows the transient
/// (Hoad, Robinson and Davies 2010 average five). An unstable pool has no steady state and is skipped; if every
/// pool is unstable the busiest one is used and the cut is unreliable. The series start at t = 0 whatever
/// warm-up the replications applied to their statistics.
/// </summary>
public static class WarmupDetector
{
    /// <summary>Pilot replications for <c>--warmup auto</c>, as in Hoad, Robinson and Davies (2010).</summary>
    public const int PilotReplications = 5;

    public sealed record Detection(double Seconds, bool Reliable, string Pool);

    public static Detection Detect(ReplicationResult replication) => Detect([replication]);

    public static Detection Detect(IReadOnlyList<ReplicationResult> replications)
    {
        ReplicationResult first = replications[0];
        var byLoad = first.Pools
            .OrderByDescending(p => replications.Average(r => r.Pools.First(q => q.Name == p.Name).Utilization))
            .ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        PoolResult? pool = byLoad.FirstOrDefault(p => BacklogVerdicts.TrendStable(replications.Select(r => r.Pools.First(q => q.Name == p.Name).Stability)));
        bool anyStable = pool is not null;
        pool ??= byLoad[0];
        // Grouped by time without LINQ's lookup and sort when the rows already rise in time (one replication), same points.
        List<TimeSeriesRow> rows = [.. replications.SelectMany(r => r.TimeSeries).Where(r => r.Pool == pool.Name)];
        var series = TimeGroups.ByTime(rows, r => r.TimeSeconds).Select(g => (g.Time, Backlog: g.Rows.Average(r => (double)r.Backlog))).ToList();
        if (series.Count == 0) return new Detection(0, false, pool.Name);
        Mser5Result cut = Mser5.TruncationIndex([.. series.Select(p => p.Backlog)]);
        double seconds = series[Math.Min(cut.TruncatedObservations, series.Count - 1)].Time;
        return new Detection(seconds, cut.Reliable && anyStable, pool.Name);
    }
}
