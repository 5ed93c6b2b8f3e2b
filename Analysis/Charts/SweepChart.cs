using System.Globalization;
using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// One or more quantities against a swept parameter, each point a mean with its 95% CI whisker, and an
/// optional vertical line at the knee (the largest value at which every proof backlog is still stable).
/// </summary>
public static class SweepChart
{
    public sealed record Curve(string Label, IReadOnlyList<double> Means, IReadOnlyList<double?> Ci95);

    public static void Save(IReadOnlyList<double> xs, IReadOnlyList<Curve> curves, double? knee, string title, string xLabel, string yLabel,
        string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(curves);
        string? subtitle = knee is { } k ? "knee (last value with every proof backlog stable): " + k.ToString("0.###", CultureInfo.InvariantCulture) : null;
        using Plot plot = ChartFigure.Create(title, subtitle, xLabel, yLabel);
        double[] x = [.. xs];
        var lines = curves.Select(c => new LineSeries(c.Label, x, [.. c.Means])).ToList();
        LineSeriesPlotter.Add(plot, lines, ConnectStyle.Straight, Alignment.UpperLeft);
        foreach (Curve c in curves)
        {
            if (c.Ci95.All(h => h is null)) continue;
            var bars = plot.Add.ErrorBar(x, [.. c.Means], [.. c.Ci95.Select(h => h ?? 0)]);
            bars.Color = Colors.Black.WithAlpha(0.6);
        }
        if (knee is { } kx)
        {
            var line = plot.Add.VerticalLine(kx);
            line.Color = Colors.Black;
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
        }
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
