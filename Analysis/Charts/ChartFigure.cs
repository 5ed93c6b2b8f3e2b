using ScottPlot;
using ScottPlot.Panels;
using SkiaSharp;
using System.Text;
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
        byte[] png;
        string svg;
        using (Image image = Raster(plot))
        {
            // The PNG is compressed from the finished image while the SVG draws: the two are independent, and for a long
            // time series each takes tens of milliseconds on the critical path of a run's outputs.
            Task<byte[]> encoding = Task.Run(() => image.GetImageBytes(ImageFormat.Png));
            try
            {
                svg = Svg(plot);
            }
            catch
            {
                // The image must outlive its encoding; the SVG's failure is the one reported.
                ((IAsyncResult)encoding).AsyncWaitHandle.WaitOne();
                throw;
            }
            png = encoding.GetAwaiter().GetResult();
        }
        AtomicFile.WriteBytes(pathWithoutExtension + ".png", png);
        AtomicFile.WriteText(pathWithoutExtension + ".svg", svg);
    }

    /// <summary>
    /// The plot drawn as a bitmap, byte for byte what <c>Plot.GetImage</c> draws, with one pass over the data instead of two.
    /// </summary>
    /// <remarks>
    /// ScottPlot draws a new plot twice: the first pass sets the axis limits, the second finds them unchanged and is the
    /// image (the canvas is cleared before each). Here the first pass goes to a canvas that draws nothing: limits,
    /// layout and ticks are set as before, and only the second pass rasterises, which for a chart of 33,000 points is most
    /// of the cost.
    /// </remarks>
    internal static Image Raster(Plot plot)
    {
        // Before any drawing: markers whose path the finaliser could free mid-draw (a native crash) get one that lives.
        PathMarker.KeepPathsAlive(plot);
        using (var layout = new SKNoDrawCanvas(WidthPixels, HeightPixels)) plot.Render(layout, WidthPixels, HeightPixels);
        return plot.GetImage(WidthPixels, HeightPixels);
    }

    /// <summary>
    /// The plot as SVG text, as <c>Plot.GetSvgXml</c> writes it after a bitmap of the same size has been drawn; without its
    /// extra bitmap pass, which only settles a layout that <see cref="Raster"/> has settled already.
    /// </summary>
    private static string Svg(Plot plot)
    {
        // Skia's SVG backend cannot draw dash patterns: it prints "Unsupported path effect" to stderr for
        // each and draws the line solid. Draw them solid on purpose; colour and marker shape still tell
        // the series apart in the SVG, and the PNG keeps its patterns.
        foreach (var scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>()) scatter.LinePattern = LinePattern.Solid;
        foreach (var item in plot.Legend.ManualItems) item.LinePattern = LinePattern.Solid;
        PathMarker.KeepPathsAlive(plot);
        using var stream = new MemoryStream();
        lock (SvgRendering)
        {
            // The SVG document is complete only once its canvas is disposed. As in GetSvgXml, the canvas is not cleared first.
            using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, WidthPixels, HeightPixels), stream))
            {
                bool clear = plot.RenderManager.ClearCanvasBeforeEachRender;
                plot.RenderManager.ClearCanvasBeforeEachRender = false;
                try
                {
                    plot.Render(canvas, WidthPixels, HeightPixels);
                }
                finally
                {
                    plot.RenderManager.ClearCanvasBeforeEachRender = clear;
                }
            }
            return SvgClipIds.Normalize(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        }
    }
}
