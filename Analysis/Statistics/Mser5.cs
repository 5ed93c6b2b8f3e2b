namespace HacaSim.Analysis.Statistics;

/// <summary>
/// MSER-5 warm-up detection (White 1997; tested in Hoad, Robinson and Davies 2010): average the
/// output in non-overlapping batches of five, then choose the truncation d (in batches) that
/// minimises SE(d) = Σ_{j&gt;d} (Z_j - Z̄_d)² / (k-d)², the squared standard error of the mean
/// of what remains. Removing the transient lowers it by removing bias; removing steady-state data
/// raises it by shrinking the sample.
/// </summary>
public static class Mser5
{
    /// <summary>Observations per batch, the "5" in MSER-5.</summary>
    public const int BatchSize = 5;

    // Below this many batches the statistic is too noisy to mean anything.
    private const int MinimumBatches = 4;

    /// <summary>
    /// Finds the warm-up truncation of <paramref name="series"/>. Only d &lt;= k/2 is searched:
    /// with few batches left SE(d) is dominated by noise and often has spurious minima near the
    /// end, so the standard rule is that a cut in the second half means the run is too short. The
    /// result is marked unreliable when the minimum over the first half sits on its boundary
    /// (the statistic was still falling), or when there are fewer than four batches. An incomplete
    /// last batch (n mod 5 observations) is ignored.
    /// </summary>
    public static Mser5Result TruncationIndex(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        int k = series.Count / BatchSize;
        if (k < MinimumBatches)
            return new Mser5Result(0, Reliable: false);

        int half = k / 2;
        int bestD = half;
        double bestStatistic = double.PositiveInfinity;

        // Walk the batches from the last to the first, keeping a Welford mean and sum of squared
        // deviations of the suffix Z_{d+1..k}; this is stable even when the level is large
        // compared with the noise, unlike sum-of-squares minus square-of-sums.
        double mean = 0;
        double squares = 0;
        for (int d = k - 1; d >= 0; d--)
        {
            double z = BatchMean(series, d);
            int remaining = k - d;
            double delta = z - mean;
            mean += delta / remaining;
            squares += delta * (z - mean);

            if (d > half)
                continue;
            double statistic = squares / ((double)remaining * remaining);
            // "<=" keeps the earliest d on ties, the conservative (smallest) cut.
            if (statistic <= bestStatistic)
            {
                bestStatistic = statistic;
                bestD = d;
            }
        }

        return new Mser5Result(BatchSize * bestD, Reliable: bestD < half);
    }

    private static double BatchMean(IReadOnlyList<double> series, int batch)
    {
        double sum = 0;
        int start = batch * BatchSize;
        for (int i = start; i < start + BatchSize; i++)
            sum += series[i];
        return sum / BatchSize;
    }
}
