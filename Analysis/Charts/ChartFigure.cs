using ScottPlot;
using ScottPlot.Panels;
using HacaSim.Analysis.Output;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// The frame every chart shares: size, font, title with an optional subtitle, axis labels, and saving the
/// same plot as <c>.png</c> and <c>.svg</c>, each written atomically.
/// </summary>
internal static class ChartFigure
{
    public const int WidthPixels = 1200;
    public const int HeightPixels = 700;

    private const float TitleFontSize = 22;
    private const float SubtitleFontSize = 15;
    private const float AxisLabelFontSize = 17;
    private const float TickLabelFontSize = 14;
    private const float LegendFontSize = 14;
    private const float RightMarginPixels = 30;

    // Skia numbers SVG clip paths from one process-wide counter that is not safe to share between threads; charts
    // are rendered in parallel (outputs are written concurrently), so two SVGs drawn at once could get clashing
    // ids and different bytes. SVG rendering is serialised; PNG rendering stays parallel.
    private static readonly Lock SvgRendering = new();

    public static Plot Create(string title, string? subtitle, string xLabel, string yLabel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var plot = new Plot();
        ChartFont.Apply(plot);
        plot.Title(title, TitleFontSize);
        ChartFont.MakeBold(plot.Axes.Title.Label);
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            var panel = new TitlePanel();
            panel.Label.Text = subtitle;
            panel.Label.FontName = ChartFont.Family;
            panel.Label.FontSize = SubtitleFontSize;
            panel.Label.Bold = false;
            plot.Axes.AddPanel(panel);
        }
        plot.XLabel(xLabel, AxisLabelFontSize);
        plot.YLabel(yLabel, AxisLabelFontSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickLabelFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickLabelFontSize;
        plot.Legend.FontSize = LegendFontSize;
        // Long enough to show a dash or dot pattern, which tells series apart in grey-scale.
        plot.Legend.SymbolWidth = 44;
        // Room on the right for the last tick label, which ScottPlot would otherwise cut at the edge.
        plot.Axes.Right.MinimumSize = RightMarginPixels;
        return plot;
    }

    /// <summary>Writes <c>path.png</c> (<see cref="WidthPixels"/> x <see cref="HeightPixels"/>) and <c>path.svg</c>.</summary>
    public static void Save(Plot plot, string pathWithoutExtension)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathWithoutExtension);
        byte[] png = plot.GetImageBytes(WidthPixels, HeightPixels, ImageFormat.Png);
        // Skia's SVG backend cannot draw dash patterns: it prints "Unsupported path effect" to stderr for
        // each and draws the line solid. Draw them solid on purpose; colour and marker shape still tell
        // the series apart in the SVG, and the PNG keeps its patterns.
        foreach (var scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>()) scatter.LinePattern = LinePattern.Solid;
        foreach (var item in plot.Legend.ManualItems) item.LinePattern = LinePattern.Solid;
        string svg;
        lock (SvgRendering) svg = SvgClipIds.Normalize(plot.GetSvgXml(WidthPixels, HeightPixels));
        AtomicFile.WriteBytes(pathWithoutExtension + ".png", png);
        AtomicFile.WriteText(pathWithoutExtension + ".svg", svg);
    }
}
