using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Draws several <see cref="LineSeries"/> on one plot, each in its own <see cref="SeriesStyle"/>, with legend items;
/// the chart shows the legend once everything is added (<see cref="ShowLegendIfUseful"/>). A point whose y is NaN breaks the line there, so a gap in the data (an interval
/// with nothing to average) shows as a gap rather than as a straight line across it.
/// </summary>
internal static class LineSeriesPlotter
{
    private const float LineWidth = 2;
    private const float MarkerSize = 9;

    // A marker on every point of a long time series would hide the line; about this many per series keep
    // the shape visible in grey-scale without clutter.
    private const int MarkersPerSeries = 12;

    public static void Add(Plot plot, IReadOnlyList<LineSeries> series, ConnectStyle connectStyle = ConnectStyle.Straight)
    {
        for (int i = 0; i < series.Count; i++)
        {
            LineSeries line = series[i];
            SeriesStyle style = line.Style ?? SeriesStyle.ForIndex(i);

            LineSeries[] segments = FiniteSegments(line);
            foreach (LineSeries segment in segments)
            {
                var path = plot.Add.ScatterLine(new LinePoints(segment.Xs, segment.Ys), style.Color);
                // A line's markers have size 0 and draw nothing, but ScottPlot still visits every point for them on each
                // render; hidden, it skips them (the markers that show are the thinned series below).
                path.MarkerStyle.IsVisible = false;
                path.LineWidth = LineWidth;
                path.LinePattern = style.LinePattern;
                path.ConnectStyle = connectStyle;
            }

            LineSeries finite = new(line.Label, [.. segments.SelectMany(s => s.Xs)], [.. segments.SelectMany(s => s.Ys)]);
            (double[] markerXs, double[] markerYs) = Thin(finite, i, series.Count);
            var markers = plot.Add.ScatterPoints(markerXs, markerYs, style.Color);
            markers.MarkerShape = style.MarkerShape;
            markers.MarkerSize = MarkerSize;

            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = line.Label,
                LineColor = style.Color,
                LineWidth = LineWidth,
                LinePattern = style.LinePattern,
                MarkerShape = style.MarkerShape,
                MarkerColor = style.Color,
                MarkerSize = MarkerSize,
            });
        }
    }

    /// <summary>
    /// The legend, outside the data area on the right, when it names more than one thing: inside, it covered
    /// the very peaks a reader looks for (a prover queue's maximum in the upper right corner).
    /// </summary>
    public static void ShowLegendIfUseful(Plot plot)
    {
        if (plot.Legend.ManualItems.Count > 1)
            plot.ShowLegend(Edge.Right);
        else
            plot.HideLegend();
    }

    private static LineSeries[] FiniteSegments(LineSeries line)
    {
        var segments = new List<LineSeries>();
        int start = 0;
        for (int j = 0; j <= line.Ys.Length; j++)
        {
            if (j < line.Ys.Length && double.IsFinite(line.Ys[j]))
                continue;
            if (j > start)
                segments.Add(new LineSeries(line.Label, line.Xs[start..j], line.Ys[start..j]));
            start = j + 1;
        }
        return [.. segments];
    }

    // Every k-th point, starting at a per-series offset so markers of overlapping lines do not coincide.
    private static (double[] Xs, double[] Ys) Thin(LineSeries line, int seriesIndex, int seriesCount)
    {
        int n = line.Xs.Length;
        if (n <= MarkersPerSeries)
            return (line.Xs, line.Ys);
        int step = (int)Math.Ceiling(n / (double)MarkersPerSeries);
        int offset = step * seriesIndex / Math.Max(1, seriesCount);
        var xs = new List<double>(MarkersPerSeries + 1);
        var ys = new List<double>(MarkersPerSeries + 1);
        for (int j = offset; j < n; j += step)
        {
            xs.Add(line.Xs[j]);
            ys.Add(line.Ys[j]);
        }
        return ([.. xs], [.. ys]);
    }
}
