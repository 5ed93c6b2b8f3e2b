namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// A percentile bootstrap interval (Efron and Tibshirani, 1993, ch. 13): the statistic recomputed on
/// <see cref="Resamples"/> resamples of the n rows drawn with replacement from a seeded stream, its
/// (1-level)/2 and (1+level)/2 quantiles the interval. <see cref="Estimate"/> is the statistic on all rows.
/// </summary>
public readonly record struct BootstrapInterval(double Estimate, double Lower, double Upper, double Level, int Resamples)
{
    /// <summary>Resamples per interval: 1,000 puts the 2.5% and 97.5% quantiles on 25 resamples each.</summary>
    public const int DefaultResamples = 1000;

    public double HalfWidth => (Upper - Lower) / 2;

    public bool Contains(double x) => x >= Lower && x <= Upper;

    /// <param name="rows">n, the number of rows the statistic is computed over.</param>
    /// <param name="statistic">The statistic over the rows whose indices it is given (with repeats).</param>
    public static BootstrapInterval Of(int rows, Func<int[], double> statistic, Random random, double level = 0.95, int resamples = DefaultResamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence level must be in (0, 1).");
        double estimate = statistic(Enumerable.Range(0, rows).ToArray());
        var values = new List<double>(resamples);
        var index = new int[rows];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < rows; i++) index[i] = random.Next(rows);
            double v = statistic(index);
            if (double.IsFinite(v)) values.Add(v);
        }
        if (values.Count < 2) return new BootstrapInterval(estimate, double.NaN, double.NaN, level, resamples);
        values.Sort();
        return new BootstrapInterval(estimate, Quantile(values, (1 - level) / 2), Quantile(values, (1 + level) / 2), level, resamples);
    }

    /// <summary>
    /// Intervals for <paramref name="count"/> statistics computed together on the same resamples (e.g. the coefficients
    /// of one regression): one pass instead of one per statistic.
    /// </summary>
    public static BootstrapInterval[] OfEach(int rows, int count, Func<int[], double[]> statistics, Random random, double level = 0.95,
        int resamples = DefaultResamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence level must be in (0, 1).");
        double[] estimates = statistics(Enumerable.Range(0, rows).ToArray());
        var values = Enumerable.Range(0, count).Select(_ => new List<double>(resamples)).ToArray();
        var index = new int[rows];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < rows; i++) index[i] = random.Next(rows);
            double[] v = statistics(index);
            for (int c = 0; c < count; c++)
                if (double.IsFinite(v[c])) values[c].Add(v[c]);
        }
        return [.. Enumerable.Range(0, count).Select(c =>
        {
            if (values[c].Count < 2) return new BootstrapInterval(estimates[c], double.NaN, double.NaN, level, resamples);
            values[c].Sort();
            return new BootstrapInterval(estimates[c], Quantile(values[c], (1 - level) / 2), Quantile(values[c], (1 + level) / 2), level, resamples);
        })];
    }

    /// <summary>Linear interpolation between order statistics (Hyndman and Fan's type 7, numpy's default).</summary>
    private static double Quantile(List<double> sorted, double p)
    {
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
