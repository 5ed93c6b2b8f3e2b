using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Means of one quantity across labelled cases (paths, scenarios, policies) with 95% interval whiskers. When the
/// means span a decade or more (4.75 s beside 801 s) the y axis is logarithmic, so the small ones are not
/// flattened onto the axis; a point labelled with a verification path's name has that path's colour.
/// </summary>
public static class ReplicationSpreadChart
{
    private const float MarkerSize = 12;
    private const float CapSizePixels = 14;

    // Means this many times apart or more get a log axis.
    private const double LogAxisRatio = 10;

    /// <param name="replications">Replications behind each mean (1: whiskers are batch-means intervals); 0 when unknown.</param>
    public static void Save(IReadOnlyList<(string Label, double Mean, double? Ci95)> points, string title, string yLabel, string pathWithoutExtension,
        int replications = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        bool anyCi = points.Any(p => p.Ci95 is not null);
        bool log = points.Count > 1 && points.All(p => p.Mean > 0 && double.IsFinite(p.Mean))
            && points.Max(p => p.Mean) >= LogAxisRatio * points.Min(p => p.Mean);
        // On a log axis an interval reaching 0 or below has no lower end: cut at a tenth of the smallest mean.
        double floor = log ? points.Min(p => p.Mean) / 10 : 0;
        bool clipped = points.Any(p => p.Ci95 is { } h && p.Mean - h < floor && (log || p.Mean >= 0));
        string subtitle = CategoryAxis.Describe("points", points.Count, anyCi, replications)
            + (log ? "; log scale" : "")
            + (clipped ? log ? "; whiskers reaching 0 cut at the axis bottom" : "; " + Whiskers.ClippedNote(0) : "");
        using Plot plot = ChartFigure.Create(title, subtitle, "", log ? yLabel + ", log scale" : yLabel);

        double Y(double v) => log ? Math.Log10(v) : v;
        var lows = new List<double>();
        var highs = new List<double>();
        for (int i = 0; i < points.Count; i++)
        {
            (_, double mean, double? ci) = points[i];
            (double low, double high, _) = ci is { } h
                ? Whiskers.Clip(mean, h, mean >= 0 || log ? floor : double.NegativeInfinity, double.PositiveInfinity)
                : (mean, mean, false);
            lows.Add(Y(low));
            highs.Add(Y(high));
            Color color = SeriesStyle.PathColor(points[i].Label) ?? SeriesStyle.PrimaryColor;
            if (ci is not null)
            {
                var whisker = new ScottPlot.Plottables.ErrorBar([i], [Y(mean)], null, null, [Y(high) - Y(mean)], [Y(mean) - Y(low)])
                {
                    Color = Colors.Black,
                    LineWidth = 2,
                    CapSize = CapSizePixels,
                };
                plot.Add.Plottable(whisker);
            }
            var marker = plot.Add.ScatterPoints(new double[] { i }, new[] { Y(mean) }, color);
            marker.MarkerShape = MarkerShape.FilledCircle;
            marker.MarkerSize = MarkerSize;
            // Above the whisker's cap, centred: beside the point, the last label ran off the right edge.
            CategoryAxis.AddValueLabel(plot, CategoryAxis.MeanWithCi(mean, ci), i, Y(high), Alignment.LowerCenter, offsetPixels: -4);
        }

        CategoryAxis.Apply(plot, [.. points.Select(p => p.Label)]);
        if (points.Count > 0)
        {
            double low = log ? Math.Floor(lows.Min()) : Math.Min(0, lows.Min());
            double high = log ? Math.Ceiling(highs.Max() + 0.15) : highs.Max();
            double span = high > low ? high - low : 1;
            // Headroom for the value label above the highest whisker.
            plot.Axes.SetLimitsY(low, log ? high : high + 0.12 * span);
        }
        if (log) LogAxis.Apply(plot, plot.Axes.Left);
        plot.HideLegend();
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
