namespace HacaSim.Analysis.Statistics;

/// <summary>
/// The shape every statistic takes in summary.json: the mean across replications, the 95%
/// Student-t half-width across replications, and for per-observation statistics (latencies)
/// pooled quantiles and the maximum. Fields that do not apply are null, never NaN, so the JSON
/// stays valid.
/// </summary>
public sealed record SummaryStatistic(
    double Mean,
    double? Ci95,
    double? P50,
    double? P95,
    double? P99,
    double? Max)
{
    private const double CiLevel = 0.95;

    /// <summary>
    /// Summary of a per-observation statistic from independent replications. Mean and Ci95 treat
    /// each replication mean as one observation (replications are independent; observations
    /// within one are not). Quantiles come from the merged histograms, i.e. pooled over all
    /// observations. Ci95 is null with one replication; quantiles are null when there are none.
    /// </summary>
    /// <exception cref="ArgumentException">No replications, or a replication without observations (its mean is undefined).</exception>
    public static SummaryStatistic FromReplications(IReadOnlyList<SampleStatistic> perReplication)
    {
        ArgumentNullException.ThrowIfNull(perReplication);
        if (perReplication.Count == 0)
            throw new ArgumentException("Need at least one replication.", nameof(perReplication));

        var means = new double[perReplication.Count];
        var pooled = new SampleStatistic();
        for (int i = 0; i < perReplication.Count; i++)
        {
            SampleStatistic replication = perReplication[i];
            if (replication.Count == 0)
                throw new ArgumentException(
                    $"Replication {i} has no observations, so its mean is undefined.", nameof(perReplication));
            means[i] = replication.Mean;
            pooled.Merge(replication);
        }

        ConfidenceInterval interval = ConfidenceInterval.FromSamples(means, CiLevel);
        return new SummaryStatistic(
            interval.Mean,
            HalfWidthOrNull(interval),
            pooled.Quantile(0.50),
            pooled.Quantile(0.95),
            pooled.Quantile(0.99),
            pooled.Max);
    }

    /// <summary>
    /// Summary of a scalar statistic with one value per replication (utilisation, mean queue
    /// length): mean and Ci95 only, quantiles and Max null. Ci95 is null with one replication.
    /// </summary>
    public static SummaryStatistic FromValues(IReadOnlyList<double> perReplicationValues)
    {
        ArgumentNullException.ThrowIfNull(perReplicationValues);
        if (perReplicationValues.Count == 0)
            throw new ArgumentException("Need at least one replication.", nameof(perReplicationValues));
        ConfidenceInterval interval = ConfidenceInterval.FromSamples(perReplicationValues, CiLevel);
        return new SummaryStatistic(interval.Mean, HalfWidthOrNull(interval), null, null, null, null);
    }

    private static double? HalfWidthOrNull(ConfidenceInterval interval) =>
        double.IsNaN(interval.HalfWidth) ? null : interval.HalfWidth;
}
