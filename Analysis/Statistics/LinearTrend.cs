namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Ordinary least-squares fit of y on x, used to report a growing backlog (queue length against
/// time) with its growth rate and a confidence interval on that rate. The interval assumes
/// independent residuals; queue lengths are autocorrelated, so fit batch or window averages
/// rather than raw samples if the interval is to mean much.
/// </summary>
public static class LinearTrend
{
    /// <summary>Fits y = a + b·x. Needs at least two points with distinct x.</summary>
    public static TrendFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double level = 0.95)
    {
        ConfidenceInterval.ValidateLevel(level);
        if (x.Length != y.Length)
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; they must pair up.", nameof(y));
        int n = x.Length;
        if (n < 2)
            throw new ArgumentException($"A line needs at least 2 points; got {n}.", nameof(x));

        // Centred sums (two passes) rather than the textbook one-pass formula: x is often
        // simulation time in the thousands of seconds, where Σx² - (Σx)²/n loses most digits.
        double meanX = Mean(x);
        double meanY = Mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }
        if (!(sxx > 0))
            throw new ArgumentException("All x values are equal (or not finite); the slope is undefined.", nameof(x));

        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        if (n == 2)
            return new TrendFit(slope, intercept, double.NaN, double.NaN, level, n);

        double residualSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double residual = y[i] - (intercept + slope * x[i]);
            residualSquares += residual * residual;
        }
        double standardError = Math.Sqrt(residualSquares / (n - 2) / sxx);
        double halfWidth = ConfidenceInterval.TQuantile(level, n - 2) * standardError;
        return new TrendFit(slope, intercept, standardError, halfWidth, level, n);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
            sum += v;
        return sum / values.Length;
    }
}
