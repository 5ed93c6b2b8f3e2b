using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// An output against an input over the samples of an uncertainty analysis (<c>hacasim explore</c>): one marker
/// per sample, with its 95% CI across replications as a whisker when it has one. What a sensitivity index
/// summarises, shown whole: a trend, a threshold, or a cloud.
/// </summary>
public static class ScatterChart
{
    public static void Save(IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double> ci95, bool logX,
        string title, string xLabel, string yLabel, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        var points = Enumerable.Range(0, xs.Count).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i]) && (!logX || xs[i] > 0)).ToList();
        int missing = xs.Count - points.Count;
        string subtitle = $"{points.Count} samples" + (missing > 0 ? $" ({missing} without a value)" : "") + "; whiskers: 95% CI across replications" +
            (logX ? "; log scale" : "");
        using Plot plot = ChartFigure.Create(title, subtitle, logX ? xLabel + " (log10)" : xLabel, yLabel);
        double[] x = [.. points.Select(i => logX ? Math.Log10(xs[i]) : xs[i])];
        double[] y = [.. points.Select(i => ys[i])];
        if (x.Length > 0)
        {
            double[] h = [.. points.Select(i => double.IsFinite(ci95[i]) ? ci95[i] : 0)];
            if (h.Any(v => v > 0))
            {
                var bars = plot.Add.ErrorBar(x, y, h);
                bars.Color = Colors.Black.WithAlpha(0.35);
            }
            var markers = plot.Add.ScatterPoints(x, y, SeriesStyle.PrimaryColor);
            markers.MarkerShape = MarkerShape.FilledCircle;
            markers.MarkerSize = 6;
        }
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
