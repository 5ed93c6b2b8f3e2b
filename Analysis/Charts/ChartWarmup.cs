using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Readies the chart machinery (SkiaSharp's native library, the embedded font, ScottPlot's and our chart code
/// through the JIT) on a spare core while a run simulates, so the charts written after it do not pay that
/// first-use cost on the critical path. A run with one replication leaves the second core idle for the whole
/// simulation. It draws one small chart into memory as a PNG and writes nothing; it never draws an SVG,
/// whose clip-path ids come from a process-wide counter (<see cref="ChartFigure"/>), so the files a run
/// writes are byte for byte what they were without it.
/// </summary>
public static class ChartWarmup
{
    /// <summary>Runs the warm-up on the calling thread (it never throws).</summary>
    /// <param name="renderStillUseful">
    /// Asked once the fonts are ready (ScottPlot's scan of the system fonts, the embedded typefaces: the longest part, and
    /// one every chart waits for): false skips the drawing. Once the real charts are being drawn, the warm-up's own chart
    /// readies nothing they are not readying themselves and only takes a core from them.
    /// </param>
    public static void Run(Func<bool>? renderStillUseful = null)
    {
        try
        {
            using Plot plot = ChartFigure.Create("warm-up", "warm-up", "x", "y");
            if (renderStillUseful is not null && !renderStillUseful()) return;
            LineSeriesPlotter.Add(plot, [new LineSeries("a", [0, 1, 2], [0, 1, 0]), new LineSeries("b", [0, 1, 2], [1, double.NaN, 1])]);
            AxisRanges.FromZero(plot, [new LineSeries("a", [0, 1, 2], [0, 1, 0])]);
            LineSeriesPlotter.ShowLegendIfUseful(plot);
            // A chart's own size. A quarter of it (7aec79d: ~45 ms less CPU) was reverted: its tiny plot area is a layout
            // no real chart has, and the test hosts' native Skia crashes grew more frequent in the same hours (issue 19,
            // seventh session's note); the full size runs exactly the path the charts then run.
            using Image image = ChartFigure.Raster(plot);
            image.GetImageBytes(ImageFormat.Png);
        }
        catch (Exception)
        {
            // Only a head start: a real chart that fails reports its own error, where it is written.
        }
    }
}
