namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Whether a sampled backlog grows without bound. The post-warm-up samples are averaged in up to 10
/// consecutive batches (batch means are far less autocorrelated than raw samples) and a line is fitted
/// to them. A pool is unstable when the slope's 99% interval lies above zero AND the backlog grows
/// across the window by at least <c>slack</c> (one node's slots) and by at least 20% of its mean: a
/// busy but stable queue wanders around its mean, while an overloaded one keeps climbing. Growth is
/// reported in jobs per second with its interval.
/// </summary>
public static class BacklogStability
{
    public const int Batches = 10;

    /// <summary>Fewer samples than this (3 batches of 2) cannot show a trend: the verdict is "stable", growth NaN.</summary>
    public const int MinimumSamples = 6;

    public static StabilityVerdict Assess(IReadOnlyList<double> times, IReadOnlyList<double> backlog, double slack)
    {
        int n = Math.Min(times.Count, backlog.Count);
        if (n < MinimumSamples) return new StabilityVerdict(true, double.NaN, double.NaN);
        // Up to 10 batches of at least 2 samples each: a short run still gets a trend, just a wider interval.
        int batches = Math.Min(Batches, n / 2);
        var x = new double[batches];
        var y = new double[batches];
        for (int b = 0; b < batches; b++)
        {
            int from = b * n / batches, to = (b + 1) * n / batches;
            double sx = 0, sy = 0;
            for (int i = from; i < to; i++)
            {
                sx += times[i];
                sy += backlog[i];
            }
            x[b] = sx / (to - from);
            y[b] = sy / (to - from);
        }
        TrendFit fit = LinearTrend.Fit(x, y);
        // Decide on the 99% interval: even batch means of a busy queue stay somewhat correlated, which
        // makes the nominal level optimistic; the 95% half-width is what is reported.
        TrendFit strict = LinearTrend.Fit(x, y, 0.99);
        double growthOverWindow = fit.Slope * (times[n - 1] - times[0]);
        bool growing = strict.SlopeLower > 0 && growthOverWindow >= Math.Max(slack, 0.2 * y.Average());
        return new StabilityVerdict(!growing, fit.Slope, fit.SlopeHalfWidth);
    }
}

/// <summary>A backlog's verdict: stable or not, and its growth rate (jobs/s) with the 95% half-width.</summary>
public sealed record StabilityVerdict(bool Stable, double GrowthPerSecond, double GrowthCi95);
