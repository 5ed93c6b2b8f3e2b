using ScottPlot;
using ScottPlot.TickGenerators;

namespace HacaSim.Analysis.Charts;

/// <summary>A bottom axis of named categories at positions 0, 1, 2, ... for bar and point charts.</summary>
internal static class CategoryAxis
{
    private const float ValueLabelFontSize = 14;

    public static void Apply(Plot plot, IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < labels.Count; i++)
            ticks.AddMajor(i, labels[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false; // vertical lines between categories mean nothing
        plot.Axes.SetLimitsX(-0.6, Math.Max(labels.Count, 1) - 0.4);
    }

    /// <summary>A value label left-aligned at (<paramref name="x"/>, <paramref name="y"/>), shifted right by some pixels.</summary>
    public static void AddValueLabel(Plot plot, string text, double x, double y, float offsetPixels)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFont.Family;
        label.LabelFontSize = ValueLabelFontSize;
        label.LabelAlignment = Alignment.MiddleLeft;
        label.OffsetX = offsetPixels;
    }

    /// <summary>Formats "mean ± ci" for a label above a bar or point.</summary>
    public static string MeanWithCi(double mean, double? ci95) =>
        ci95 is { } ci
            ? FormattableString.Invariant($"{mean:G3} ± {ci:G2}")
            : FormattableString.Invariant($"{mean:G3}");

    /// <summary>The subtitle explaining whiskers, or their absence.</summary>
    public static string Describe(string meanShape, int count, bool anyCi) =>
        (count, anyCi) switch
        {
            (0, _) => "no data",
            (_, true) => $"{meanShape}: mean over replications; whiskers: 95% confidence interval",
            (_, false) => $"{meanShape}: mean (no confidence interval: one replication)",
        };
}
