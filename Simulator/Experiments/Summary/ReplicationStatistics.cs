using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments.Summary;

/// <summary>One statistic across replications, as summary.json and every other output reports it.</summary>
public static class ReplicationStatistics
{
    /// <summary>Across replications; null when no replication observed anything.</summary>
    public static SummaryStatistic? Merge(IEnumerable<SampleStatistic> perReplication)
    {
        var observed = perReplication.Where(s => s.Count > 0).ToList();
        return observed.Count == 0 ? null : SummaryStatistic.FromReplications(observed);
    }

    /// <summary>
    /// With one replication there is no spread across replications: take the half-width from batch means
    /// of that replication's observations (in completion order) instead.
    /// </summary>
    public static SummaryStatistic? WithBatchMeans(SummaryStatistic? s, IEnumerable<BatchMeans?> perReplication)
    {
        var batches = perReplication.ToList();
        if (s is null || batches.Count != 1 || batches[0] is not { } b) return s;
        return s with { Ci95 = Finite(b.Interval().HalfWidth) };
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
