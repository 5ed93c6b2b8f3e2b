using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>Means of one quantity across labelled cases (scenarios, policies, replications) with 95% CI whiskers.</summary>
public static class ReplicationSpreadChart
{
    private const float MarkerSize = 12;
    private const float CapSizePixels = 14;

    public static void Save(IReadOnlyList<(string Label, double Mean, double? Ci95)> points, string title, string yLabel, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(points);
        bool anyCi = points.Any(p => p.Ci95 is not null);
        using Plot plot = ChartFigure.Create(title, CategoryAxis.Describe("points", points.Count, anyCi), "", yLabel);

        double[] xs = [.. Enumerable.Range(0, points.Count).Select(i => (double)i)];
        double[] means = [.. points.Select(p => p.Mean)];
        double[] errors = [.. points.Select(p => p.Ci95 ?? 0)];
        if (anyCi)
        {
            var whiskers = plot.Add.ErrorBar(xs, means, errors);
            whiskers.Color = Colors.Black;
            whiskers.LineWidth = 2;
            whiskers.CapSize = CapSizePixels;
        }
        var markers = plot.Add.ScatterPoints(xs, means, SeriesStyle.PrimaryColor);
        markers.MarkerShape = MarkerShape.FilledCircle;
        markers.MarkerSize = MarkerSize;
        for (int i = 0; i < points.Count; i++)
            // Clear of the whisker cap, which is CapSize wide around the point.
            CategoryAxis.AddValueLabel(plot, CategoryAxis.MeanWithCi(points[i].Mean, points[i].Ci95), xs[i], means[i], offsetPixels: CapSizePixels);

        CategoryAxis.Apply(plot, [.. points.Select(p => p.Label)]);
        double[] lows = [.. points.Select(p => p.Mean - (p.Ci95 ?? 0))];
        double[] highs = [.. points.Select(p => p.Mean + (p.Ci95 ?? 0))];
        if (points.Count > 0)
        {
            double low = Math.Min(0, lows.Min());
            double high = highs.Max();
            double span = high > low ? high - low : 1;
            plot.Axes.SetLimitsY(low, high + 0.08 * span);
        }
        plot.HideLegend();
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
