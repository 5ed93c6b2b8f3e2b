using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// The warm-up on a time-series chart: a grey band from 0 to the warm-up's end, named in the legend, so a reader
/// sees which part of the curve no statistic counts.
/// </summary>
internal static class WarmupShade
{
    private static readonly Color Fill = Colors.Black.WithAlpha(0.08);

    public static void Add(Plot plot, double warmupSeconds)
    {
        if (!(warmupSeconds > 0) || !double.IsFinite(warmupSeconds)) return;
        var span = plot.Add.HorizontalSpan(0, warmupSeconds);
        span.FillStyle.Color = Fill;
        span.LineStyle.Width = 0;
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "warm-up (not counted)",
            FillColor = Fill,
            LineWidth = 0,
        });
    }
}
