namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Many quantiles of one <see cref="SampleStatistic"/> in a single pass over its histogram's buckets, each exactly what
/// <see cref="SampleStatistic.Quantile"/> returns for it. Quantile scans the buckets from the start on every call
/// (HdrHistogram's GetValueAtPercentile), so a CDF of 199 points over a histogram of ~30,000 buckets cost 199 scans;
/// for a run's latency CDF chart (ten curves) that was the longest of all the files a run writes.
/// </summary>
public static class QuantileCurve
{
    /// <param name="ascending">Probabilities in [0, 1], in ascending order.</param>
    /// <returns>One value per probability; all NaN when the statistic has no observations.</returns>
    public static List<double> At(SampleStatistic statistic, IReadOnlyList<double> ascending)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(ascending);
        for (int i = 0; i < ascending.Count; i++)
        {
            if (!(ascending[i] >= 0 && ascending[i] <= 1))
                throw new ArgumentOutOfRangeException(nameof(ascending), ascending[i], "Quantile probability must be in [0, 1].");
            if (i > 0 && ascending[i] < ascending[i - 1])
                throw new ArgumentException("Probabilities must be in ascending order.", nameof(ascending));
        }
        // The non-empty buckets in ascending value order, each at the highest value it holds (what Quantile reports).
        IReadOnlyList<(long Value, long Count)> buckets = statistic.Buckets();
        long total = 0;
        foreach (var (_, count) in buckets) total += count;
        var result = new List<double>(ascending.Count);
        if (total == 0)
        {
            foreach (double _ in ascending) result.Add(double.NaN);
            return result;
        }
        int bucket = 0;
        long running = buckets[0].Count;
        foreach (double p in ascending)
        {
            // HdrHistogram's rank, in its own arithmetic: round(p·n) with p in percent, at least 1. Empty buckets
            // never end its scan, so the first non-empty bucket whose running count reaches the rank is its answer.
            double percentile = Math.Min(p * 100, 100.0);
            long rank = Math.Max((long)(((percentile / 100.0) * total) + 0.5), 1);
            while (running < rank && bucket + 1 < buckets.Count) running += buckets[++bucket].Count;
            result.Add(Math.Clamp(buckets[bucket].Value / 1e6, statistic.Min, statistic.Max));
        }
        return result;
    }
}
