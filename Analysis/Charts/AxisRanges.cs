using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>Axis limits the charts set themselves instead of ScottPlot's autoscale.</summary>
internal static class AxisRanges
{
    private const double HeadroomFraction = 0.05;

    /// <summary>
    /// x over the data; y from 0 to a little above the largest value (counts, lags and utilisations are
    /// never negative, and a zero baseline keeps their size honest).
    /// </summary>
    public static void FromZero(Plot plot, IReadOnlyList<LineSeries> series)
    {
        double[] xs = [.. series.SelectMany(s => s.Xs)];
        double[] ys = [.. series.SelectMany(s => s.Ys).Where(double.IsFinite)];
        if (xs.Length == 0)
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
            return;
        }
        double xMin = xs.Min(), xMax = xs.Max();
        if (xMin == xMax)
            (xMin, xMax) = (xMin - 0.5, xMax + 0.5);
        double yMax = ys.Length == 0 ? 0 : ys.Max();
        plot.Axes.SetLimits(xMin, xMax, 0, yMax > 0 ? yMax * (1 + HeadroomFraction) : 1);
    }
}
