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

    /// <summary>
    /// A value label at (<paramref name="x"/>, <paramref name="y"/>) aligned by <paramref name="alignment"/>, shifted by
    /// some pixels: right for a left-aligned label, up (negative) for one above its point.
    /// </summary>
    public static void AddValueLabel(Plot plot, string text, double x, double y, Alignment alignment, float offsetPixels)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFont.Family;
        label.LabelFontSize = ValueLabelFontSize;
        label.LabelAlignment = alignment;
        if (alignment == Alignment.MiddleLeft) label.OffsetX = offsetPixels;
        else label.OffsetY = offsetPixels;
    }

    /// <summary>Formats "mean ± ci" for a label above a bar or point.</summary>
    public static string MeanWithCi(double mean, double? ci95) =>
        ci95 is { } ci
            ? FormattableString.Invariant($"{mean:G3} ± {ci:G2}")
            : FormattableString.Invariant($"{mean:G3}");

    /// <summary>
    /// The subtitle explaining what a mean is over and what the whiskers are, or why there are none. With one
    /// replication an interval comes from batch means within it (a chart of one replication's means has none).
    /// </summary>
    /// <param name="replications">Replications behind each mean; 0 when the caller does not know.</param>
    public static string Describe(string meanShape, int count, bool anyCi, int replications = 0) =>
        (count, anyCi, replications) switch
        {
            (0, _, _) => "no data",
            (_, true, 1) => $"{meanShape}: mean of one replication; whiskers: 95% batch-means interval",
            (_, true, > 1) => $"{meanShape}: mean over {replications} replications; whiskers: 95% confidence interval",
            (_, true, _) => $"{meanShape}: mean; whiskers: 95% confidence interval",
            (_, false, 1) => $"{meanShape}: mean of one replication (no interval)",
            (_, false, > 1) => $"{meanShape}: mean over {replications} replications (no interval)",
            (_, false, _) => $"{meanShape}: mean (no interval)",
        };
}
