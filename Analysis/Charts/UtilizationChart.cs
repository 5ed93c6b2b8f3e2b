using ScottPlot;
using ScottPlot.TickGenerators;

namespace HacaSim.Analysis.Charts;

/// <summary>Mean utilisation (fraction of slots busy) per pool as bars, with 95% confidence-interval whiskers cut at 0 and 1.</summary>
public static class UtilizationChart
{
    private const double BarWidth = 0.6;

    // The axis runs a little past 1 so the value label above a full bar has room; ticks stop at 1.
    private const double TopOfAxis = 1.12;

    /// <param name="replications">How many replications the means are over (1: the whiskers are batch-means intervals or absent).</param>
    public static void Save(IReadOnlyDictionary<string, (double Mean, double? Ci95)> utilizationByPool, string title, string pathWithoutExtension,
        int replications = 0)
    {
        ArgumentNullException.ThrowIfNull(utilizationByPool);
        // Sorted by name: dictionary order is not something to rely on for a reproducible picture.
        var pools = utilizationByPool.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        bool anyCi = pools.Any(p => p.Value.Ci95 is not null);
        bool clipped = pools.Any(p => p.Value.Ci95 is { } h && Whiskers.Clip(p.Value.Mean, h, 0, 1).Clipped);
        string subtitle = CategoryAxis.Describe("bars", pools.Length, anyCi, replications) + (clipped ? "; " + Whiskers.ClippedNote(1) : "");

        using Plot plot = ChartFigure.Create(title, subtitle, "pool", "utilisation (fraction of slots busy)");
        var bars = new List<Bar>(pools.Length);
        for (int i = 0; i < pools.Length; i++)
        {
            bars.Add(new Bar
            {
                Position = i,
                Value = pools[i].Value.Mean,
                Size = BarWidth,
                FillColor = SeriesStyle.PrimaryColor,
                LineColor = Colors.Black,
                LineWidth = 1.5f,
            });
        }
        plot.Add.Bars(bars);
        double[] xs = [.. Enumerable.Range(0, pools.Length).Select(i => (double)i)];
        Whiskers.Add(plot, xs, [.. pools.Select(p => p.Value.Mean)], [.. pools.Select(p => p.Value.Ci95)],
            floor: 0, ceiling: 1, Colors.Black, capSizePixels: 30);
        for (int i = 0; i < pools.Length; i++)
        {
            (double mean, double? ci95) = pools[i].Value;
            double top = ci95 is { } h ? Whiskers.Clip(mean, h, 0, 1).High : mean;
            // Centred above the whisker: beside the bar, the last pool's label ran off the right edge.
            CategoryAxis.AddValueLabel(plot, CategoryAxis.MeanWithCi(mean, ci95), i, Math.Min(top, 1), Alignment.LowerCenter, offsetPixels: -4);
        }
        CategoryAxis.Apply(plot, [.. pools.Select(p => p.Key)]);
        // Utilisation is a fraction: the axis always shows all of [0, 1] so charts compare at a glance.
        plot.Axes.SetLimitsY(0, TopOfAxis);
        var ticks = new NumericManual();
        for (int t = 0; t <= 10; t++) ticks.AddMajor(t / 10.0, (t / 10.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        plot.Axes.Left.TickGenerator = ticks;
        plot.HideLegend();
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
