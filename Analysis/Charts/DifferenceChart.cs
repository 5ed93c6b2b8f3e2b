using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Paired differences of one quantity (each variant minus the baseline, on common random numbers) with their 95%
/// intervals, a line at zero, and a filled marker where the interval excludes zero (an open one where it does
/// not): the reviewer's question is "is the difference real", not "how large is each variant".
/// </summary>
public static class DifferenceChart
{
    private const float MarkerSize = 13;
    private const float CapSizePixels = 14;

    /// <param name="unit">The quantity's unit ("s" or "" for a share): tiny differences are drawn in ms, µs or ×10⁻ⁿ, never as 1E-07 ticks.</param>
    public static void Save(IReadOnlyList<(string Label, double Mean, double? Ci95)> differences, string title, string yLabel, string baseline,
        string pathWithoutExtension, string unit = "")
    {
        ArgumentNullException.ThrowIfNull(differences);
        string subtitle = differences.Count == 0 ? "no variant to compare"
            : $"each variant minus {baseline}, paired on common random numbers; whiskers: 95% interval; filled: interval excludes zero";
        double largest = differences.Where(d => double.IsFinite(d.Mean))
            .Select(d => Math.Abs(d.Mean) + (d.Ci95 is { } c && double.IsFinite(c) ? c : 0)).DefaultIfEmpty(0).Max();
        ReadableScale scale = ReadableScale.For(largest, unit);
        differences = [.. differences.Select(d => (d.Label, scale.Apply(d.Mean), d.Ci95 is { } c ? scale.Apply(c) : (double?)null))];
        using Plot plot = ChartFigure.Create(title, subtitle, "", scale.Label(yLabel));
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1.5f;
        zero.LinePattern = LinePattern.Dashed;

        var lows = new List<double> { 0 };
        var highs = new List<double> { 0 };
        for (int i = 0; i < differences.Count; i++)
        {
            (_, double mean, double? ci) = differences[i];
            if (!double.IsFinite(mean)) continue;
            double h = ci is { } c && double.IsFinite(c) ? c : 0;
            lows.Add(mean - h);
            highs.Add(mean + h);
            if (h > 0)
            {
                var whisker = plot.Add.ErrorBar([i], [mean], [h]);
                whisker.Color = Colors.Black;
                whisker.LineWidth = 2;
                whisker.CapSize = CapSizePixels;
            }
            bool significant = ci is { } w && double.IsFinite(w) && Math.Abs(mean) > w;
            var marker = plot.Add.ScatterPoints(new double[] { i }, new[] { mean }, SeriesStyle.PrimaryColor);
            marker.MarkerShape = significant ? MarkerShape.FilledDiamond : MarkerShape.OpenDiamond;
            marker.MarkerSize = MarkerSize;
            marker.MarkerLineWidth = 2;
            CategoryAxis.AddValueLabel(plot, CategoryAxis.MeanWithCi(mean, ci) + (significant ? " ◆" : ""), i, mean + h, Alignment.LowerCenter, offsetPixels: -4);
        }
        CategoryAxis.Apply(plot, [.. differences.Select(d => d.Label)]);
        double low = lows.Min(), high = highs.Max();
        double span = high > low ? high - low : 1;
        // Headroom above for the value labels.
        plot.Axes.SetLimitsY(low - 0.06 * span, high + 0.15 * span);
        plot.HideLegend();
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
