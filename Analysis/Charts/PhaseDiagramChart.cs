using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// A phase diagram over two inputs: each sample a marker at its (A, B), its shape and colour the category it
/// fell in (for <c>hacasim explore --phase</c>: the bottleneck pool), so the regions and the boundaries where
/// the answer flips can be read off.
/// </summary>
public static class PhaseDiagramChart
{
    public static void Save(IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<string> categories, bool logX, bool logY,
        string title, string xLabel, string yLabel, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(categories);
        using Plot plot = ChartFigure.Create(title, $"{xs.Count} samples; each marker one sample, its shape the category" + (logX || logY ? "; log10 axes marked" : ""),
            logX ? xLabel + " (log10)" : xLabel, logY ? yLabel + " (log10)" : yLabel);
        var names = categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (int c = 0; c < names.Count; c++)
        {
            var at = Enumerable.Range(0, xs.Count).Where(i => categories[i] == names[c] && Finite(xs[i], logX) && Finite(ys[i], logY)).ToList();
            if (at.Count == 0) continue;
            SeriesStyle style = SeriesStyle.ForIndex(c);
            double[] x = [.. at.Select(i => logX ? Math.Log10(xs[i]) : xs[i])];
            double[] y = [.. at.Select(i => logY ? Math.Log10(ys[i]) : ys[i])];
            var markers = plot.Add.ScatterPoints(x, y, style.Color);
            markers.MarkerShape = style.MarkerShape;
            markers.MarkerSize = 9;
            markers.LegendText = $"{names[c]} ({at.Count})";
        }
        plot.ShowLegend(Alignment.UpperRight);
        ChartFigure.Save(plot, pathWithoutExtension);
    }

    private static bool Finite(double v, bool log) => double.IsFinite(v) && (!log || v > 0);
}
