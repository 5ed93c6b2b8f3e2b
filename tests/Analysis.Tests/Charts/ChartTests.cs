using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Records;

namespace HacaSim.Tests.Charts;

public class ChartTests
{
    private ChartFiles _files = null!;

    [SetUp]
    public void CreateOutputDirectory() => _files = new ChartFiles();

    [TearDown]
    public void DeleteOutputDirectory() => _files.Dispose();

    [Test]
    public void QueueLengthChartWritesPngAndSvg()
    {
        string path = _files.PathFor("queue_length");

        QueueLengthChart.Save(SampleData.TimeSeries(), "Queue length per pool", path);

        ChartFiles.AssertChartWritten(path, "Queue length per pool");
        Assert.That(ChartFiles.SvgTextsOf(path), Does.Contain("mean of 3 replications at each sample time"));
    }

    [Test]
    public void BacklogChartWritesPngAndSvg()
    {
        string path = _files.PathFor("backlog");

        BacklogChart.Save(SampleData.TimeSeries(), "Backlog across a verification outage", path);

        ChartFiles.AssertChartWritten(path, "Backlog across a verification outage");
    }

    [Test]
    public void SingleReplicationIsNamedInTheSubtitle()
    {
        string path = _files.PathFor("backlog_rep0");
        TimeSeriesRow[] rows = [.. SampleData.TimeSeries().Where(r => r.Replication == 0)];

        BacklogChart.Save(rows, "Backlog, one replication", path);

        ChartFiles.AssertChartWritten(path, "Backlog, one replication");
        Assert.That(ChartFiles.SvgTextsOf(path), Does.Contain("replication 0"));
    }

    [Test]
    public void UtilizationChartWritesPngAndSvg()
    {
        string path = _files.PathFor("utilization");
        var utilization = new Dictionary<string, (double Mean, double? Ci95)>
        {
            ["verify-cpu"] = (0.93, 0.02),
            ["inference-gpu"] = (0.71, 0.035),
            ["data-tee"] = (0.42, null),
        };

        UtilizationChart.Save(utilization, "Utilisation per pool", path);

        ChartFiles.AssertChartWritten(path, "Utilisation per pool");
        Assert.That(ChartFiles.SvgTextsOf(path), Does.Contain("utilisation (fraction of slots busy)"));
    }

    [Test]
    public void LatencyCdfChartWritesPngAndSvgWithDecadeTicks()
    {
        string path = _files.PathFor("latency_cdf");

        LatencyCdfChart.Save(SampleData.LatencyCdfs(), "Result latency and time to trust", path);

        ChartFiles.AssertChartWritten(path, "Result latency and time to trust");
        IReadOnlyList<string> texts = ChartFiles.SvgTextsOf(path);
        Assert.Multiple(() =>
        {
            Assert.That(texts, Does.Contain("latency (s, log scale)"));
            Assert.That(texts, Does.Contain("cumulative probability"));
            Assert.That(texts, Does.Contain("tee: time to trust"), "legend");
            // Data from about 0.2 s to about 1000 s: decades 0.1 to 10000, labelled as plain numbers.
            Assert.That(texts, Is.SupersetOf(new[] { "0.1", "1", "10", "100", "1000" }));
        });
    }

    [Test]
    public void LatencyCdfChartRejectsMismatchedSeries()
    {
        CdfSeries broken = new("tee: result latency", [1.0, 2.0], [0.5]);

        Assert.Throws<ArgumentException>(() => LatencyCdfChart.Save([broken], "t", _files.PathFor("broken")));
        Assert.That(Directory.GetFiles(_files.Directory, "broken*"), Is.Empty);
    }

    [Test]
    public void ProofLagChartWritesPngAndSvg()
    {
        string path = _files.PathFor("proof_lag");

        ProofLagChart.Save(SampleData.ProofLag(), "Mean proof lag per path", path);

        ChartFiles.AssertChartWritten(path, "Mean proof lag per path");
    }

    [Test]
    public void ProofLagChartWithNothingSettledStillRenders()
    {
        string path = _files.PathFor("proof_lag_empty");
        ProofLagRow[] rows = [new(0, 10, "zk", 0, double.NaN), new(0, 20, "zk", 0, double.NaN)];

        ProofLagChart.Save(rows, "Nothing settled", path);

        ChartFiles.AssertChartWritten(path, "Nothing settled");
    }

    [Test]
    public void ReplicationSpreadChartWritesPngAndSvg()
    {
        string path = _files.PathFor("spread");
        (string Label, double Mean, double? Ci95)[] points =
        [
            ("always-tee", 14.2, 0.8),
            ("always-zk", 212.0, 19.5),
            ("queue-aware", 61.3, 4.1),
            ("single run", 80.0, null),
        ];

        ReplicationSpreadChart.Save(points, "Time to trust by policy", "mean time to trust (s)", path);

        ChartFiles.AssertChartWritten(path, "Time to trust by policy");
        Assert.That(ChartFiles.SvgTextsOf(path), Does.Contain("queue-aware"));
    }

    [Test]
    public void EmptyInputsStillGiveCharts()
    {
        string[] paths = [.. new[] { "q", "b", "u", "c", "l", "s" }.Select(n => _files.PathFor("empty_" + n))];

        QueueLengthChart.Save([], "Empty queue", paths[0]);
        BacklogChart.Save([], "Empty backlog", paths[1]);
        UtilizationChart.Save(new Dictionary<string, (double Mean, double? Ci95)>(), "Empty utilisation", paths[2]);
        LatencyCdfChart.Save([], "Empty CDF", paths[3]);
        ProofLagChart.Save([], "Empty lag", paths[4]);
        ReplicationSpreadChart.Save([], "Empty spread", "y (s)", paths[5]);

        Assert.Multiple(() =>
        {
            foreach (string path in paths)
                Assert.That(File.Exists(path + ".png") && File.Exists(path + ".svg"), Is.True, path);
            Assert.That(ChartFiles.SvgTextsOf(paths[0]), Does.Contain("no samples"));
            Assert.That(ChartFiles.SvgTextsOf(paths[2]), Does.Contain("no data"));
        });
    }

    [Test]
    public void IdenticalInputsGiveIdenticalFiles()
    {
        string first = _files.PathFor("same_a");
        string second = _files.PathFor("same_b");
        IReadOnlyList<CdfSeries> cdfs = SampleData.LatencyCdfs();

        LatencyCdfChart.Save(cdfs, "Same input", first);
        LatencyCdfChart.Save(cdfs, "Same input", second);

        ChartFiles.AssertSameBytes(first, second);
    }

    [Test]
    public void IdenticalInputsGiveIdenticalFilesForBarCharts()
    {
        string first = _files.PathFor("same_bars_a");
        string second = _files.PathFor("same_bars_b");
        var utilization = new Dictionary<string, (double Mean, double? Ci95)> { ["a"] = (0.5, 0.1), ["b"] = (0.25, 0.05) };

        UtilizationChart.Save(utilization, "Same bars", first);
        UtilizationChart.Save(utilization.Reverse().ToDictionary(), "Same bars", second);

        ChartFiles.AssertSameBytes(first, second);
    }
}
