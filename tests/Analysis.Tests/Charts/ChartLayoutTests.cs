using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Records;
using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Charts;

/// <summary>
/// Per chart kind: the data ranges a reader can trust (no axis below zero for non-negative data; utilisation whiskers
/// cut at 1, with a note) and text that fits (every label inside the figure, and inside the data area when drawn
/// there; legends outside the data area).
/// </summary>
public class ChartLayoutTests
{
    private ChartFiles _files = null!;

    [SetUp]
    public void CreateOutputDirectory() => _files = new ChartFiles();

    [TearDown]
    public void DeleteOutputDirectory() => _files.Dispose();

    private static void AssertLabelsFit(SvgLayout layout) =>
        Assert.That(layout.TextsThatDoNotFit(), Is.Empty, "text outside the figure or its clip rectangle");

    private static void AssertNoNegativeNumbers(SvgLayout layout) =>
        Assert.That(layout.NumericTexts().Where(v => v < 0), Is.Empty, "an axis below zero for non-negative data");

    private static void AssertLegendOutsideData(SvgLayout layout, params string[] legendTexts)
    {
        foreach (string text in legendTexts)
        {
            SvgLayout.TextItem item = layout.Texts.First(t => t.Text == text);
            Assert.That(item.Box.Overlaps(layout.DataArea), Is.False, $"legend entry '{text}' {item.Box} over the data area {layout.DataArea}");
        }
    }

    [Test]
    public void UtilizationWhiskersAreCutAtOneWithANoteAndLabelsFit()
    {
        string path = _files.PathFor("utilization_clip");
        var utilization = new Dictionary<string, (double Mean, double? Ci95)>
        {
            ["data"] = (0.009, 0.0012),
            ["inference"] = (0.2, 0.0039),
            ["prover"] = (0.97, 0.08), // 0.97 + 0.08 = 1.05: no pool is busier than all its slots
            ["verification-with-a-long-name"] = (0.417, 0.027),
        };

        UtilizationChart.Save(utilization, "Utilisation per pool", path, replications: 3);

        var layout = SvgLayout.Of(path);
        double one = layout.YTick("1");
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            AssertNoNegativeNumbers(layout);
            Assert.That(layout.Texts.Select(t => t.Text), Has.Some.Contains("whiskers cut at 1"));
            Assert.That(layout.Texts.Select(t => t.Text), Has.Some.Contains("mean over 3 replications"));
            // Screen y grows downwards: nothing drawn in the data area above the line at utilisation 1.
            Assert.That(layout.DataPathYs.Min(), Is.GreaterThanOrEqualTo(one - 1), "a whisker above 1");
        });
    }

    [Test]
    public void SweepUtilizationWhiskersAreCutAtOneAndVerdictsMarked()
    {
        string path = _files.PathFor("sweep_utilization");
        double[] xs = [7, 8, 9, 10];
        SweepChart.Curve[] curves =
        [
            new("inference", [0.5, 0.7, 0.9, 0.93], [0.02, 0.05, 0.08, 0.12],
                [StabilityState.Stable, StabilityState.Stable, StabilityState.Critical, StabilityState.Unstable]),
            new("verification", [0.1, 0.15, 0.2, 0.25], [0.01, 0.01, null, 0.02]),
        ];

        SweepChart.Save(xs, curves, knee: null, "Utilisation per pool vs arrival_rate", "arrival_rate", "busy slots / slots", path,
            kneeNote: "knee interval: last stable 8, first unstable 10, critical 9", ceiling: 1);

        var layout = SvgLayout.Of(path);
        double one = layout.YTick("1");
        IEnumerable<string> texts = layout.Texts.Select(t => t.Text);
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            AssertNoNegativeNumbers(layout);
            AssertLegendOutsideData(layout, "inference", "critical point", "unstable point");
            Assert.That(texts, Has.Some.Contains("whiskers cut at 0 and 1"));
            Assert.That(texts, Has.Some.Contains("knee interval: last stable 8"));
            // The markers are drawn around their point: allow their half size above the highest mean (0.93 < 1).
            Assert.That(layout.DataPathYs.Min(), Is.GreaterThanOrEqualTo(one - 12), "a whisker above 1");
        });
    }

    [Test]
    public void SweepProofLagAxisDoesNotGoBelowZero()
    {
        string path = _files.PathFor("sweep_proof_lag");
        double[] xs = [7, 8, 9, 10];
        // Wide intervals around small means: a symmetric interval reaches -50 s, which no lag can be.
        SweepChart.Curve[] curves =
        [
            new("zkml", [8, 9, 10, 60], [2, 3, 4, 110], [StabilityState.Stable, StabilityState.Stable, StabilityState.Stable, StabilityState.Unstable], "zkml"),
            new("tee", [1.5, 1.5, 1.6, 1.6], [0.1, 0.1, 0.1, 0.1], Path: "tee"),
        ];

        SweepChart.Save(xs, curves, knee: 9, "Proof lag vs arrival_rate", "arrival_rate", "seconds", path);

        var layout = SvgLayout.Of(path);
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            AssertNoNegativeNumbers(layout);
            Assert.That(layout.Texts.Select(t => t.Text), Has.Some.Contains("whiskers cut at 0"));
            Assert.That(layout.DataPathYs.Max(), Is.LessThanOrEqualTo(layout.DataArea.Bottom + 12), "a whisker below 0");
        });
    }

    [Test]
    public void TimeSeriesChartsShadeTheWarmupAndKeepTheLegendOffThePeaks()
    {
        string queue = _files.PathFor("queue_length");
        string backlog = _files.PathFor("backlog");
        string lag = _files.PathFor("proof_lag");

        QueueLengthChart.Save(SampleData.TimeSeries(), "Queue length per pool", queue, warmupSeconds: 120);
        BacklogChart.Save(SampleData.TimeSeries(), "Backlog per pool", backlog, warmupSeconds: 120);
        ProofLagChart.Save(SampleData.ProofLag(), "Proof lag", lag, warmupSeconds: 120);

        Assert.Multiple(() =>
        {
            foreach (string path in new[] { queue, backlog })
            {
                var layout = SvgLayout.Of(path);
                AssertLabelsFit(layout);
                AssertNoNegativeNumbers(layout);
                AssertLegendOutsideData(layout, [.. SampleData.Pools, "warm-up (not counted)"]);
            }
            var lagLayout = SvgLayout.Of(lag);
            AssertLabelsFit(lagLayout);
            AssertNoNegativeNumbers(lagLayout);
            AssertLegendOutsideData(lagLayout, "tee", "zk", "warm-up (not counted)");
        });
    }

    [Test]
    public void LatencyCdfDrawsOnePathInOneColourAndLabelsFit()
    {
        string path = _files.PathFor("latency_cdf");
        IReadOnlyList<CdfSeries> cdfs = SampleData.LatencyCdfs();
        CdfSeries[] zkml = [cdfs[0] with { Label = "zkml: result latency", Path = "zkml", Variant = 0 },
            cdfs[1] with { Label = "zkml: time to trust", Path = "zkml", Variant = 1 }];

        LatencyCdfChart.Save(zkml, "One path", path);

        var layout = SvgLayout.Of(path);
        string svg = File.ReadAllText(path + ".svg");
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            AssertLegendOutsideData(layout, "zkml: result latency", "zkml: time to trust");
            // Both curves in zkml's colour (the first of the palette); no second series colour anywhere.
            Assert.That(svg, Does.Contain("#0072B2"));
            Assert.That(svg, Does.Not.Contain("#D55E00"), "the second palette colour: a path in two colours");
        });
    }

    [Test]
    public void ReplicationSpreadUsesALogAxisForWideSpreadsAndSaysWhatAOneReplicationIntervalIs()
    {
        string path = _files.PathFor("spread_log");
        (string, double, double?)[] points = [("tee", 4.75, 0.3), ("zkml", 801, 40), ("vanilla", 5.1, null), ("zkcrv", 64, 2)];

        ReplicationSpreadChart.Save(points, "Mean time to trust per path", "mean time to trust (s)", path, replications: 1);

        var layout = SvgLayout.Of(path);
        IEnumerable<string> texts = layout.Texts.Select(t => t.Text);
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            AssertNoNegativeNumbers(layout);
            Assert.That(texts, Is.SupersetOf(new[] { "1", "10", "100", "1000" }), "decade ticks");
            Assert.That(texts, Has.Some.Contains("log scale"));
            Assert.That(texts, Has.Some.Contains("mean of one replication; whiskers: 95% batch-means interval"));
            Assert.That(texts, Has.None.Contains("over replications"));
        });
    }

    [Test]
    public void ReplicationSpreadStaysLinearFromZeroForCloseMeans()
    {
        string path = _files.PathFor("spread_linear");
        (string, double, double?)[] points = [("a", 10, 12), ("b", 14, 1), ("c", 12, 1)];

        ReplicationSpreadChart.Save(points, "Close means", "y (s)", path, replications: 5);

        var layout = SvgLayout.Of(path);
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            AssertNoNegativeNumbers(layout);
            Assert.That(layout.Texts.Select(t => t.Text), Has.None.Contains("log scale"));
            Assert.That(layout.Texts.Select(t => t.Text), Has.Some.Contains("whiskers cut at 0"));
        });
    }

    [Test]
    public void DifferenceChartMarksIntervalsThatExcludeZero()
    {
        string path = _files.PathFor("difference");
        (string, double, double?)[] differences = [("static", 1.92, 3.59), ("queue-aware", -4.1, 0.8), ("always-zk", 120.5, 30.2)];

        DifferenceChart.Save(differences, "Time to trust: difference to adaptive", "difference (s)", "adaptive", path);

        var layout = SvgLayout.Of(path);
        IEnumerable<string> texts = layout.Texts.Select(t => t.Text);
        Assert.Multiple(() =>
        {
            AssertLabelsFit(layout);
            Assert.That(texts, Has.Some.Contains("each variant minus adaptive"));
            Assert.That(texts, Does.Contain("-4.1 ± 0.8 ◆"));
            Assert.That(texts, Does.Contain("120 ± 30 ◆"));
            Assert.That(texts, Does.Contain("1.92 ± 3.6"), "an interval containing zero is not marked");
        });
    }

    [Test]
    public void TinyDifferencesAreDrawnInReadableUnitsNotExponents()
    {
        // Two variants that differ by nanoseconds (floating-point noise on equal inputs): ScottPlot's own ticks
        // would read 1E-09; the chart moves to ns (seconds) or to ×10⁻⁹ (a share) and says so on the axis.
        string seconds = _files.PathFor("difference_ns");
        DifferenceChart.Save([("a", 1.2e-9, 2.5e-9), ("b", -0.8e-9, 1.1e-9)], "Time to trust: difference to base", "difference in mean time to trust",
            "base", seconds, unit: "s");
        string share = _files.PathFor("difference_share");
        DifferenceChart.Save([("a", 3e-9, 4e-9)], "Downgrades: difference to base", "difference in share of requests downgraded", "base", share);

        var layouts = new[] { SvgLayout.Of(seconds), SvgLayout.Of(share) };
        Assert.Multiple(() =>
        {
            foreach (SvgLayout layout in layouts)
            {
                AssertLabelsFit(layout);
                Assert.That(layout.Texts.Select(t => t.Text), Has.None.Match("[0-9][eE][-+]?[0-9]"), "no E-notation tick or label");
            }
            Assert.That(layouts[0].Texts.Select(t => t.Text), Has.Some.EqualTo("difference in mean time to trust (ns)"));
            Assert.That(layouts[0].Texts.Select(t => t.Text), Does.Contain("1.2 ± 2.5"));
            Assert.That(layouts[1].Texts.Select(t => t.Text), Has.Some.EqualTo("difference in share of requests downgraded (×10⁻⁹)"));
        });
    }

    [TestCase(0.25, "s", 1, "s")]
    [TestCase(0.004, "s", 1e-3, "ms")]
    [TestCase(3e-6, "s", 1e-6, "µs")]
    [TestCase(2e-10, "s", 1e-9, "ns")]
    [TestCase(0.5, "", 1, "")]
    [TestCase(3e-9, "", 1e-9, "×10⁻⁹")]
    [TestCase(4.2e-4, "", 1e-6, "×10⁻⁶")]
    [TestCase(52000.0, "", 1e3, "×10³")]
    public void ReadableScalePicksAUnitThatKeepsNumbersNearOne(double largest, string unit, double divisor, string shown)
    {
        ReadableScale scale = ReadableScale.For(largest, unit);
        Assert.That(scale, Is.EqualTo(new ReadableScale(divisor, shown)));
    }

    [TestCase("result_latency_s", "mean result latency (s)")]
    [TestCase("downgrade_share", "share of requests downgraded")]
    [TestCase("pools_prover_utilization", "prover utilisation")]
    [TestCase("pools_gpu_big_wait_s", "gpu_big mean wait (s)")]
    [TestCase("paths_zkcrv_time_to_trust_s", "ZK-CRV mean time to trust (s)")]
    [TestCase("paths_tee_share", "share of requests on TEE")]
    [TestCase("chain_finality_delay_s", "chain mean finality delay (s)")]
    public void ChartFileStemsGetReadableMetricNames(string stem, string name) =>
        Assert.That(MetricNames.WithUnit(MetricNames.KeyOfFileStem(stem)!), Is.EqualTo(name));
}
