using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class SampleStatisticTests
{
    // HdrHistogram with 3 significant digits guarantees buckets no wider than 0.1% of the value.
    private const double HistogramRelativePrecision = 1e-3;

    [TestCase(1e-6)] // 1..100000 microseconds: the histogram's finest resolution
    [TestCase(1.0)]  // 1..100000 seconds: 1e11 microseconds, near the top of the range
    public void QuantilesOfUniformIntegersAreWithinHistogramPrecision(double unitSeconds)
    {
        const int n = 100_000;
        var statistic = new SampleStatistic();
        // Record in a scrambled order so nothing depends on sorted input (37 is coprime to n).
        for (int i = 0; i < n; i++)
            statistic.Record((i * 37L % n + 1) * unitSeconds);

        foreach (double p in new[] { 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999 })
        {
            // p n is a whole number here, so the p-quantile of 1..n is p n under any rank rule.
            double exact = Math.Round(p * n) * unitSeconds;
            Assert.That(statistic.Quantile(p), Is.EqualTo(exact).Within(HistogramRelativePrecision * exact),
                $"p = {p}");
        }
        Assert.Multiple(() =>
        {
            Assert.That(statistic.Quantile(1), Is.EqualTo(n * unitSeconds), "clamped to the exact max");
            Assert.That(statistic.Quantile(0), Is.EqualTo(unitSeconds).Within(HistogramRelativePrecision * unitSeconds));
        });
    }

    [Test]
    public void MomentsMatchTwoPassComputation()
    {
        var random = new Random(12345);
        var values = new double[10_000];
        for (int i = 0; i < values.Length; i++)
            values[i] = 1000 + 3 * random.NextDouble() - 1.5 * random.NextDouble(); // large offset tests stability

        var statistic = new SampleStatistic();
        foreach (double v in values)
            statistic.Record(v);

        double mean = values.Sum() / values.Length;
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        Assert.Multiple(() =>
        {
            Assert.That(statistic.Count, Is.EqualTo(values.Length));
            Assert.That(statistic.Mean, Is.EqualTo(mean).Within(1e-12).Percent);
            Assert.That(statistic.Variance, Is.EqualTo(variance).Within(1e-9).Percent);
            Assert.That(statistic.Min, Is.EqualTo(values.Min()));
            Assert.That(statistic.Max, Is.EqualTo(values.Max()));
        });
    }

    [Test]
    public void SmallHandComputedCase()
    {
        var statistic = new SampleStatistic();
        foreach (double v in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 })
            statistic.Record(v);
        Assert.Multiple(() =>
        {
            Assert.That(statistic.Mean, Is.EqualTo(5));
            Assert.That(statistic.Variance, Is.EqualTo(32.0 / 7).Within(1e-14)); // Σ(x-5)² = 32
            Assert.That(statistic.Quantile(0.5), Is.EqualTo(4).Within(HistogramRelativePrecision * 100).Percent, "4th of 8 values");
        });
    }

    [Test]
    public void MergeEqualsRecordingEverythingInOne()
    {
        var random = new Random(7);
        var all = new SampleStatistic();
        var first = new SampleStatistic();
        var second = new SampleStatistic();
        for (int i = 0; i < 5000; i++)
        {
            double v = -Math.Log(1 - random.NextDouble()) * (i < 2000 ? 0.01 : 0.5); // two different scales
            all.Record(v);
            (i < 2000 ? first : second).Record(v);
        }

        first.Merge(second);
        Assert.Multiple(() =>
        {
            Assert.That(first.Count, Is.EqualTo(all.Count));
            Assert.That(first.Mean, Is.EqualTo(all.Mean).Within(1e-12).Percent);
            Assert.That(first.Variance, Is.EqualTo(all.Variance).Within(1e-10).Percent);
            Assert.That(first.Min, Is.EqualTo(all.Min));
            Assert.That(first.Max, Is.EqualTo(all.Max));
            foreach (double p in new[] { 0.0, 0.1, 0.5, 0.9, 0.99, 0.999, 1.0 })
                Assert.That(first.Quantile(p), Is.EqualTo(all.Quantile(p)), $"p = {p}");
        });
    }

    [Test]
    public void MergeIntoEmptyAndWithSelf()
    {
        var source = new SampleStatistic();
        foreach (double v in new[] { 1.0, 2, 3 })
            source.Record(v);

        var empty = new SampleStatistic();
        empty.Merge(source);
        source.Merge(new SampleStatistic()); // merging nothing changes nothing
        Assert.Multiple(() =>
        {
            Assert.That(empty.Count, Is.EqualTo(3));
            Assert.That(empty.Mean, Is.EqualTo(2));
            Assert.That(empty.Quantile(0.5), Is.EqualTo(2).Within(HistogramRelativePrecision * 100).Percent);
            Assert.That(source.Count, Is.EqualTo(3));
        });

        source.Merge(source); // 1,1,2,2,3,3
        Assert.Multiple(() =>
        {
            Assert.That(source.Count, Is.EqualTo(6));
            Assert.That(source.Variance, Is.EqualTo(0.8).Within(1e-14)); // Σ(x-2)² = 4, / 5
            Assert.That(source.Quantile(0.5), Is.EqualTo(2).Within(HistogramRelativePrecision * 100).Percent);
        });
    }

    [Test]
    public void ResetForgetsEverything()
    {
        var statistic = new SampleStatistic();
        statistic.Record(100);
        statistic.Reset();
        Assert.Multiple(() =>
        {
            Assert.That(statistic.Count, Is.Zero);
            Assert.That(statistic.Mean, Is.NaN);
            Assert.That(statistic.Quantile(0.5), Is.NaN);
        });
        statistic.Record(3);
        Assert.That(statistic.Quantile(0.99), Is.EqualTo(3), "one value: clamped to the exact Min = Max");
    }

    [Test]
    public void NegativeValuesCountInMomentsButReadAsZeroInQuantiles()
    {
        var statistic = new SampleStatistic();
        foreach (double v in new[] { -2.0, -1, 1, 2, 10 })
            statistic.Record(v);
        Assert.Multiple(() =>
        {
            Assert.That(statistic.Mean, Is.EqualTo(2));
            Assert.That(statistic.Min, Is.EqualTo(-2));
            Assert.That(statistic.Quantile(0.4), Is.EqualTo(0), "the two negatives are recorded as 0");
            Assert.That(statistic.Quantile(0.6), Is.EqualTo(1).Within(HistogramRelativePrecision * 100).Percent);
        });
    }

    [Test]
    public void ValuesRoundToNearestMicrosecond()
    {
        // Rounded: 3, 3, 3, 10 µs, so the median is 3 µs. Truncation would give 2, 2, 3, 10 µs
        // and a median of 2 µs (returned as the exact Min, 2.6 µs).
        var statistic = new SampleStatistic();
        foreach (double v in new[] { 2.6e-6, 2.7e-6, 3.4e-6, 10e-6 })
            statistic.Record(v);
        Assert.That(statistic.Quantile(0.5), Is.EqualTo(3e-6));
    }

    [Test]
    public void RejectsBadInput()
    {
        var statistic = new SampleStatistic();
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => statistic.Record(double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => statistic.Record(double.PositiveInfinity));
            Assert.Throws<ArgumentOutOfRangeException>(() => statistic.Quantile(1.01));
            Assert.Throws<ArgumentOutOfRangeException>(() => statistic.Quantile(-0.01));
        });
        Assert.That(statistic.Count, Is.Zero);
    }

    [Test]
    public void RecordDoesNotAllocateAfterTheFirstValue()
    {
        var statistic = new SampleStatistic();
        // Creates the counts, covering the buckets up to this value (they grow only for a larger one, at most ~25 times ever).
        statistic.Record(10);
        long allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 10_000; i++)
                statistic.Record(i * 0.001);
        });
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void AnUnusedStatisticIsCheap()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var statistics = new SampleStatistic[100];
        for (int i = 0; i < statistics.Length; i++)
            statistics[i] = new SampleStatistic();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // One eager histogram alone would be ~250 KB; lazily, 100 instances fit in a few KB each at most.
        Assert.That(allocated, Is.LessThan(100 * 1024));
        GC.KeepAlive(statistics);
    }
}
