using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class QuantileCurveTests
{
    private static readonly List<double> Probabilities = [0, .. Enumerable.Range(1, 199).Select(i => i / 200.0), 0.9999, 1];

    /// <summary>Each point is bit for bit what Quantile gives: the charts drawn from the curve must not change.</summary>
    [TestCase(1, 1e-3)]
    [TestCase(7, 1e-3)]
    [TestCase(20_000, 1e-3)]
    [TestCase(20_000, 50.0)] // seconds to hours: values spread over many HdrHistogram buckets
    public void EveryPointEqualsQuantile(int n, double scale)
    {
        var random = new Random(n);
        var statistic = new SampleStatistic();
        for (int i = 0; i < n; i++) statistic.Record(scale * -Math.Log(1 - random.NextDouble()));
        AssertSameAsQuantile(statistic);
    }

    [Test]
    public void MergedStatisticsAndNegativeValues()
    {
        var merged = new SampleStatistic();
        for (int r = 0; r < 8; r++)
        {
            var random = new Random(100 + r);
            var replication = new SampleStatistic();
            for (int i = 0; i < 5_000; i++) replication.Record(random.NextDouble() * 30 - 1); // some below 0: recorded as 0 µs
            merged.Merge(replication);
        }
        AssertSameAsQuantile(merged);
    }

    [Test]
    public void NoObservationsGiveNaN() =>
        Assert.That(QuantileCurve.At(new SampleStatistic(), [0.1, 0.5]), Is.All.NaN);

    [Test]
    public void ProbabilitiesMustAscend() =>
        Assert.Throws<ArgumentException>(() => QuantileCurve.At(new SampleStatistic(), [0.5, 0.1]));

    private static void AssertSameAsQuantile(SampleStatistic statistic)
    {
        List<double> curve = QuantileCurve.At(statistic, Probabilities);
        Assert.That(curve, Has.Count.EqualTo(Probabilities.Count));
        for (int i = 0; i < Probabilities.Count; i++)
            Assert.That(BitConverter.DoubleToInt64Bits(curve[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(statistic.Quantile(Probabilities[i]))),
                $"p = {Probabilities[i]}: {curve[i]} vs {statistic.Quantile(Probabilities[i])}");
    }
}
