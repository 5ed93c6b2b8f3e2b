using System.Globalization;
using HacaSim.Analysis.Statistics;
using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// One or more quantities against a swept parameter, each point a mean with its 95% CI whisker, critical points
/// ringed and unstable ones crossed (from each point's three-state verdict), and an optional vertical line at the
/// knee. Every quantity drawn here is non-negative (latencies, lags, utilisations): the y axis starts at 0 and
/// whiskers are cut there; a utilisation's are cut at 1 too.
/// </summary>
public static class SweepChart
{
    /// <param name="Verdicts">Per point, the verdict to mark it with (null: no marks).</param>
    /// <param name="Path">The verification path the curve is of, if any: it is drawn in that path's colour.</param>
    /// <param name="Variant">Pattern and marker among the curves of one path (e.g. the combination of the other parameters).</param>
    public sealed record Curve(string Label, IReadOnlyList<double> Means, IReadOnlyList<double?> Ci95, IReadOnlyList<StabilityState>? Verdicts = null,
        string? Path = null, int Variant = 0);

    /// <summary>The <see cref="Curve.Path"/> of a quantity over all paths together (drawn in black).</summary>
    public const string AllPaths = SeriesStyle.AllPaths;

    private static readonly Color CriticalColor = Color.FromHex("#E69F00"); // orange
    private static readonly Color UnstableColor = Color.FromHex("#B00000"); // dark red
    private const float VerdictMarkerSize = 22;

    /// <param name="kneeNote">The subtitle's account of the knee (e.g. its interval); the knee line's value when null.</param>
    /// <param name="ceiling">The largest value the quantity can take (1 for a utilisation): whiskers are cut there.</param>
    public static void Save(IReadOnlyList<double> xs, IReadOnlyList<Curve> curves, double? knee, string title, string xLabel, string yLabel,
        string pathWithoutExtension, string? kneeNote = null, double ceiling = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(curves);
        bool clipped = curves.Any(c => c.Means.Zip(c.Ci95).Any(p => p.Second is { } h && double.IsFinite(p.First) && Whiskers.Clip(p.First, h, 0, ceiling).Clipped));
        bool anyCritical = curves.Any(c => c.Verdicts?.Contains(StabilityState.Critical) == true);
        bool anyUnstable = curves.Any(c => c.Verdicts?.Contains(StabilityState.Unstable) == true);
        var notes = new List<string>();
        if (kneeNote is not null) notes.Add(kneeNote);
        else if (knee is { } k) notes.Add("knee (last value with every proof backlog stable): " + k.ToString("0.###", CultureInfo.InvariantCulture));
        if (clipped) notes.Add(ceiling == 1 ? "whiskers cut at 0 and 1" : "whiskers cut at 0");
        using Plot plot = ChartFigure.Create(title, notes.Count > 0 ? string.Join("; ", notes) : null, xLabel, yLabel);
        double[] x = [.. xs];
        var lines = curves.Select(c => new LineSeries(c.Label, x, [.. c.Means], SeriesStyle.ForPath(c.Path, c.Variant))).ToList();
        LineSeriesPlotter.Add(plot, lines, ConnectStyle.Straight);
        foreach (Curve c in curves)
            Whiskers.Add(plot, x, c.Means, c.Ci95, floor: 0, ceiling, Colors.Black.WithAlpha(0.6), capSizePixels: 8);
        foreach (Curve c in curves)
        {
            if (c.Verdicts is null) continue;
            Mark(plot, x, c, StabilityState.Critical, MarkerShape.OpenCircle, CriticalColor);
            Mark(plot, x, c, StabilityState.Unstable, MarkerShape.Eks, UnstableColor);
        }
        if (anyCritical) AddLegend(plot, "critical point", MarkerShape.OpenCircle, CriticalColor);
        if (anyUnstable) AddLegend(plot, "unstable point", MarkerShape.Eks, UnstableColor);
        if (knee is { } kx)
        {
            var line = plot.Add.VerticalLine(kx);
            line.Color = Colors.Black;
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "last stable point", LineColor = Colors.Black, LineWidth = 2, LinePattern = LinePattern.Dashed });
        }
        LineSeriesPlotter.ShowLegendIfUseful(plot);
        SetLimits(plot, x, curves, ceiling);
        ChartFigure.Save(plot, pathWithoutExtension);
    }

    private static void Mark(Plot plot, double[] x, Curve c, StabilityState state, MarkerShape shape, Color color)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < x.Length && i < c.Verdicts!.Count; i++)
        {
            if (c.Verdicts[i] != state || !double.IsFinite(c.Means[i])) continue;
            xs.Add(x[i]);
            ys.Add(c.Means[i]);
        }
        if (xs.Count == 0) return;
        var marks = plot.Add.ScatterPoints(xs, ys, color);
        marks.MarkerShape = shape;
        marks.MarkerLineColor = color;
        marks.MarkerFillColor = color;
        marks.MarkerSize = VerdictMarkerSize;
        marks.MarkerLineWidth = 2.5f;
    }

    private static void AddLegend(Plot plot, string text, MarkerShape shape, Color color) =>
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = text,
            LineWidth = 0,
            MarkerShape = shape,
            MarkerColor = color,
            MarkerSize = 14,
            MarkerLineWidth = 2.5f,
        });

    // x over the grid with a margin for the markers; y from 0 (all these quantities are non-negative) to the
    // highest whisker, or exactly to 1 for a utilisation so charts compare at a glance.
    private static void SetLimits(Plot plot, double[] x, IReadOnlyList<Curve> curves, double ceiling)
    {
        if (x.Length == 0) return;
        double xMin = x.Min(), xMax = x.Max();
        double margin = xMax > xMin ? 0.04 * (xMax - xMin) : 0.5;
        double top = curves.SelectMany(c => c.Means.Zip(c.Ci95, (m, h) => h is { } w && double.IsFinite(w) ? Math.Min(ceiling, m + w) : m))
            .Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double yMax = ceiling == 1 ? 1.04 : top > 0 ? top * 1.08 : 1;
        plot.Axes.SetLimits(xMin - margin, xMax + margin, 0, yMax);
    }
}
