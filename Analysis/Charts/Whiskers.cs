using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// 95% interval whiskers kept inside the values a quantity can take: a utilisation's interval is cut at 1 and a
/// non-negative quantity's at 0 (a symmetric t interval around 0.97 can reach 1.05, which no pool can be).
/// The chart says so in its subtitle when a whisker was cut (<see cref="ClippedNote"/>).
/// </summary>
internal static class Whiskers
{
    /// <summary>The interval [mean - half, mean + half] cut to [<paramref name="floor"/>, <paramref name="ceiling"/>], and whether it was cut.</summary>
    public static (double Low, double High, bool Clipped) Clip(double mean, double halfWidth, double floor, double ceiling)
    {
        double low = mean - halfWidth, high = mean + halfWidth;
        bool clipped = low < floor || high > ceiling;
        return (Math.Max(floor, low), Math.Min(ceiling, high), clipped);
    }

    /// <summary>Adds the whiskers of the points with an interval; true when any was cut.</summary>
    public static bool Add(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> means, IReadOnlyList<double?> halfWidths,
        double floor, double ceiling, Color color, float capSizePixels)
    {
        var x = new List<double>();
        var y = new List<double>();
        var up = new List<double>();
        var down = new List<double>();
        bool anyClipped = false;
        for (int i = 0; i < xs.Count; i++)
        {
            if (halfWidths[i] is not { } h || !double.IsFinite(h) || !double.IsFinite(means[i])) continue;
            (double low, double high, bool clipped) = Clip(means[i], h, floor, ceiling);
            anyClipped |= clipped;
            x.Add(xs[i]);
            y.Add(means[i]);
            up.Add(Math.Max(0, high - means[i]));
            down.Add(Math.Max(0, means[i] - low));
        }
        if (x.Count == 0) return false;
        var bars = new ScottPlot.Plottables.ErrorBar(x, y, null, null, up, down)
        {
            Color = color,
            LineWidth = 1.5f,
            CapSize = capSizePixels,
        };
        plot.Add.Plottable(bars);
        return anyClipped;
    }

    public static string ClippedNote(double ceiling) =>
        ceiling == 1 ? "whiskers cut at 1 (a pool cannot be busier than all its slots)" : "whiskers cut at 0 (the quantity cannot be negative)";
}
