using System.Text;
using HacaSim.Analysis.Charts;
using ScottPlot;

namespace HacaSim.Tests.Charts;

/// <summary>
/// <see cref="ChartFigure.Save"/> draws with fewer passes than ScottPlot's own <c>GetImageBytes</c> and <c>GetSvgXml</c>
/// (layout settled on a canvas that draws nothing, no extra bitmap before the SVG, the PNG compressed beside the SVG, or
/// the PNG and the SVG drawn from two plots at once);
/// the files must still be byte for byte what those calls give.
/// </summary>
public class ChartFigureTests
{
    private ChartFiles _files = null!;

    [SetUp]
    public void CreateOutputDirectory() => _files = new ChartFiles();

    [TearDown]
    public void DeleteOutputDirectory() => _files.Dispose();

    [Test]
    public void SaveWritesWhatScottPlotsOwnRenderingWrites()
    {
        string path = _files.PathFor("figure");
        using (Plot saved = Figure()) ChartFigure.Save(saved, path);

        AssertAsScottPlotDraws(path);
    }

    [Test]
    public void SaveFromTwoPlotsWritesWhatScottPlotsOwnRenderingWrites()
    {
        string path = _files.PathFor("figure-two-plots");
        ChartFigure.Save(Figure, ChartFigure.TwoPlotPoints, path);

        AssertAsScottPlotDraws(path);
    }

    [Test]
    public void SaveOfAShortChartFromOnePlotWritesWhatScottPlotsOwnRenderingWrites()
    {
        string path = _files.PathFor("figure-one-plot");
        int built = 0;
        ChartFigure.Save(() =>
        {
            Interlocked.Increment(ref built);
            return Figure();
        }, ChartFigure.TwoPlotPoints - 1, path);

        AssertAsScottPlotDraws(path);
        Assert.That(built, Is.EqualTo(1), "a chart below the threshold is drawn from one plot");
    }

    /// <summary>The files at <paramref name="path"/> are what ScottPlot's own calls give for <see cref="Figure"/>.</summary>
    private static void AssertAsScottPlotDraws(string path)
    {
        using Plot reference = Figure();
        byte[] png = reference.GetImageBytes(ChartFigure.WidthPixels, ChartFigure.HeightPixels, ImageFormat.Png);
        // As ChartFigure does before its SVG: Skia's SVG backend draws no dash patterns.
        foreach (var scatter in reference.GetPlottables<ScottPlot.Plottables.Scatter>()) scatter.LinePattern = LinePattern.Solid;
        foreach (var item in reference.Legend.ManualItems) item.LinePattern = LinePattern.Solid;
        string svg = SvgClipIds.Normalize(reference.GetSvgXml(ChartFigure.WidthPixels, ChartFigure.HeightPixels));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path + ".png"), Is.EqualTo(png), "PNG");
            Assert.That(File.ReadAllText(path + ".svg", Encoding.UTF8), Is.EqualTo(svg), "SVG");
        });
    }

    /// <summary>A chart whose axis limits come from its data (so ScottPlot's first pass changes them), with a dashed line and a legend.</summary>
    private static Plot Figure()
    {
        Plot plot = ChartFigure.Create("figure", "subtitle", "time (s)", "jobs");
        double[] x = [.. Enumerable.Range(0, 2000).Select(i => i * 0.5)];
        LineSeriesPlotter.Add(plot,
        [
            new LineSeries("a", x, [.. x.Select(t => 3 + Math.Sin(t / 40))]),
            new LineSeries("b", x, [.. x.Select(t => 1 + (t % 97) / 50)]),
        ]);
        LineSeriesPlotter.ShowLegendIfUseful(plot);
        return plot;
    }
}
