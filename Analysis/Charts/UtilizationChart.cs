using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>Mean utilisation (fraction of slots busy) per pool as bars, with 95% confidence-interval whiskers.</summary>
public static class UtilizationChart
{
    private const double BarWidth = 0.6;

    public static void Save(IReadOnlyDictionary<string, (double Mean, double? Ci95)> utilizationByPool, string title, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(utilizationByPool);
        // Sorted by name: dictionary order is not something to rely on for a reproducible picture.
        var pools = utilizationByPool.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        bool anyCi = pools.Any(p => p.Value.Ci95 is not null);

        using Plot plot = ChartFigure.Create(title, CategoryAxis.Describe("bars", pools.Length, anyCi), "pool", "utilisation (fraction of slots busy)");
        var bars = new List<Bar>(pools.Length);
        for (int i = 0; i < pools.Length; i++)
        {
            (double mean, double? ci95) = pools[i].Value;
            bars.Add(new Bar
            {
                Position = i,
                Value = mean,
                Size = BarWidth,
                FillColor = SeriesStyle.PrimaryColor,
                LineColor = Colors.Black,
                Error = ci95 ?? 0,
                ErrorPositive = ci95 is not null,
                ErrorNegative = ci95 is not null,
                LineWidth = 1.5f, // bar outline and whiskers
                ErrorSize = 0.2,
            });
        }
        plot.Add.Bars(bars);
        for (int i = 0; i < pools.Length; i++)
        {
            (double mean, double? ci95) = pools[i].Value;
            // Beside the bar top rather than above it, where the whisker is.
            CategoryAxis.AddValueLabel(plot, CategoryAxis.MeanWithCi(mean, ci95), i + BarWidth / 2, mean, offsetPixels: 6);
        }
        CategoryAxis.Apply(plot, [.. pools.Select(p => p.Key)]);
        // Utilisation is a fraction: the axis always shows all of [0, 1] so charts compare at a glance.
        plot.Axes.SetLimitsY(0, 1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        plot.HideLegend();
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
