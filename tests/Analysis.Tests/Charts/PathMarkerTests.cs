using HacaSim.Analysis.Charts;
using ScottPlot;

namespace HacaSim.Tests.Charts;

/// <summary>
/// <see cref="PathMarker"/> draws the markers ScottPlot would (byte for byte), and with it charts drawn on many threads
/// while collections run all the time neither crash the process nor differ from a chart drawn alone.
/// </summary>
public class PathMarkerTests
{
    private static readonly MarkerShape[] PathShapes =
    [
        MarkerShape.FilledTriangleUp, MarkerShape.OpenTriangleUp, MarkerShape.FilledTriangleDown,
        MarkerShape.OpenTriangleDown, MarkerShape.FilledDiamond, MarkerShape.OpenDiamond, MarkerShape.Cross, MarkerShape.Eks,
    ];

    [Test]
    public void DrawsWhatScottPlotsOwnMarkersDraw()
    {
        using Plot own = MarkerPlot();
        using Plot kept = MarkerPlot();
        PathMarker.KeepPathsAlive(kept);

        Assert.Multiple(() =>
        {
            Assert.That(kept.GetPlottables<ScottPlot.Plottables.Scatter>().Select(s => s.MarkerStyle.CustomRenderer),
                Is.All.InstanceOf<PathMarker>(), "every path-shaped marker replaced, or this test compares nothing");
            Assert.That(kept.Legend.ManualItems.Select(i => i.MarkerStyle.CustomRenderer), Is.All.InstanceOf<PathMarker>(), "legend");
            Assert.That(kept.GetImageBytes(ChartFigure.WidthPixels, ChartFigure.HeightPixels, ImageFormat.Png),
                Is.EqualTo(own.GetImageBytes(ChartFigure.WidthPixels, ChartFigure.HeightPixels, ImageFormat.Png)), "PNG");
            Assert.That(SvgClipIds.Normalize(kept.GetSvgXml(ChartFigure.WidthPixels, ChartFigure.HeightPixels)),
                Is.EqualTo(SvgClipIds.Normalize(own.GetSvgXml(ChartFigure.WidthPixels, ChartFigure.HeightPixels))), "SVG");
        });
    }

    [Test]
    public void RefusesAPathShapedMarkerItCannotKeepAlive()
    {
        using Plot plot = new();
        plot.Add.ScatterPoints(new double[] { 1 }, new double[] { 1 }).MarkerShape = MarkerShape.Asterisk;
        Assert.That(() => PathMarker.KeepPathsAlive(plot), Throws.InvalidOperationException.With.Message.Contains("Asterisk"));
    }

    [Test]
    public void LeavesMarkersDrawnWithoutAPathToScottPlot()
    {
        using Plot plot = new();
        var circles = plot.Add.ScatterPoints(new double[] { 1 }, new double[] { 1 });
        circles.MarkerShape = MarkerShape.OpenSquare;
        PathMarker.KeepPathsAlive(plot);
        Assert.That(circles.MarkerStyle.CustomRenderer, Is.Null);
    }

    [Test]
    public void ChartFigureGivesEveryPathShapedMarkerAPathThatLives()
    {
        // The deterministic half of the guard below: the native crash needs a collection at the wrong microsecond, but a
        // chart drawn without PathMarker shows here every time.
        using Plot plot = Chart();
        using (ChartFigure.Raster(plot)) { }
        var styles = plot.GetPlottables().OfType<IHasMarker>().Select(p => p.MarkerStyle)
            .Concat(plot.Legend.ManualItems.Select(i => i.MarkerStyle))
            .Where(s => PathShapes.Contains(s.Shape))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(styles.Select(s => s.Shape).Distinct(), Is.EquivalentTo(PathShapes), "the chart uses every path shape");
            Assert.That(styles.Select(s => s.CustomRenderer), Is.All.InstanceOf<PathMarker>());
        });
    }

    /// <summary>
    /// The guard against the native crash of issue 19: ScottPlot's own path markers left each marker's SKPath to the
    /// finaliser, which freed it while another thread's <c>sk_canvas_draw_path</c> still read it (the test hosts'
    /// segfaults in libSkiaSharp.so on thread-pool workers). Here several threads draw charts full of those markers
    /// while one more thread collects and finalises without pause. Without <see cref="PathMarker"/> this killed the
    /// test host in 2 of 2 runs with the JIT's tiers off (DOTNET_TieredCompilation=0) and in about 1 of 5 with them
    /// on (a method keeps its locals alive until it is recompiled optimised); a crash counts as a failure. Without
    /// one, every image must be byte for byte the chart drawn alone.
    /// </summary>
    [Test]
    public void ChartsDrawnOnManyThreadsDuringConstantCollectionsMatchOneDrawnAlone()
    {
        const int ChartsPerThread = 6;
        int threads = Math.Max(3, Environment.ProcessorCount + 1);
        byte[] alone;
        using (Plot plot = Chart())
        using (Image image = ChartFigure.Raster(plot))
            alone = image.GetImageBytes(ImageFormat.Png);

        using var done = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!done.IsCancellationRequested)
            {
                // The youngest generation only: the markers' paths are young, and a short collection repeats often.
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();
        int differing = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        try
        {
            // Threads of their own, as many as asked for at once (the thread pool would add them slowly).
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                try
                {
                    for (int i = 0; i < ChartsPerThread; i++)
                    {
                        using Plot plot = Chart();
                        using Image image = ChartFigure.Raster(plot);
                        if (!image.GetImageBytes(ImageFormat.Png).AsSpan().SequenceEqual(alone)) Interlocked.Increment(ref differing);
                    }
                }
                catch (Exception e)
                {
                    // An exception on a thread of our own would end the process; report it as this test's failure instead.
                    failures.Enqueue(e);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
        }
        finally
        {
            done.Cancel();
            collector.Join();
        }
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(differing, Is.Zero, $"of {threads * ChartsPerThread} images");
        });
    }

    /// <summary>One series per marker shape ScottPlot draws through a path, with a legend of them.</summary>
    private static Plot MarkerPlot()
    {
        Plot plot = ChartFigure.Create("markers", null, "x", "y");
        for (int s = 0; s < PathShapes.Length; s++)
        {
            double[] xs = [.. Enumerable.Range(0, 15).Select(i => (double)i)];
            double[] ys = [.. xs.Select(x => s + Math.Sin(x / 2 + s) / 3)];
            var points = plot.Add.ScatterPoints(xs, ys, SeriesStyle.ForIndex(s).Color);
            points.MarkerShape = PathShapes[s];
            points.MarkerSize = 9 + s;
            points.MarkerStyle.OutlineWidth = s % 2;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = PathShapes[s].ToString(), MarkerShape = PathShapes[s], MarkerSize = 9 });
        }
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>
    /// A chart as the runs draw them (series in every style, so every marker shape, with a legend), plus a cloud of each
    /// path-shaped marker as the scatter and phase charts draw them: most of its drawing time is spent in those markers.
    /// </summary>
    private static Plot Chart()
    {
        Plot plot = ChartFigure.Create("concurrent", "subtitle", "time (s)", "jobs");
        double[] x = [.. Enumerable.Range(0, 240).Select(i => i * 0.5)];
        double[] cloudX = [.. Enumerable.Range(0, 2000).Select(i => i * 0.06)];
        LineSeriesPlotter.Add(plot,
        [
            .. Enumerable.Range(0, 8).Select(s => new LineSeries($"s{s}", x, [.. x.Select(t => s + Math.Sin(t / 9 + s))])),
        ]);
        for (int s = 0; s < PathShapes.Length; s++)
        {
            double[] ys = [.. cloudX.Select(t => s + Math.Cos(t / 7 + s))];
            var cloud = plot.Add.ScatterPoints(cloudX, ys, SeriesStyle.ForIndex(s).Color);
            cloud.MarkerShape = PathShapes[s];
            cloud.MarkerSize = 9;
        }
        LineSeriesPlotter.ShowLegendIfUseful(plot);
        return plot;
    }
}
