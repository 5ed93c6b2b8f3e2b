namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Whether a sampled backlog grows without bound. The post-warm-up samples are averaged in 10
/// consecutive batches (batch means are far less autocorrelated than raw samples) and a line is fitted
/// to them. A pool is unstable when the slope's 95% interval lies above zero AND the last batch holds at
/// least twice the first plus one server's worth (<c>slack</c>): a busy but stable queue wanders, while
/// an overloaded one keeps climbing. Growth is reported in jobs per second with its interval.
/// </summary>
public static class BacklogStability
{
    public const int Batches = 10;

    public static StabilityVerdict Assess(IReadOnlyList<double> times, IReadOnlyList<double> backlog, double slack)
    {
        int n = Math.Min(times.Count, backlog.Count);
        if (n < 2 * Batches) return new StabilityVerdict(true, 0, double.NaN);
        var x = new double[Batches];
        var y = new double[Batches];
        for (int b = 0; b < Batches; b++)
        {
            int from = b * n / Batches, to = (b + 1) * n / Batches;
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
        bool growing = fit.SlopeLower > 0 && y[^1] >= 2 * y[0] + slack;
        return new StabilityVerdict(!growing, fit.Slope, fit.SlopeHalfWidth);
    }
}

/// <summary>A backlog's verdict: stable or not, and its growth rate (jobs/s) with the 95% half-width.</summary>
public sealed record StabilityVerdict(bool Stable, double GrowthPerSecond, double GrowthCi95);
