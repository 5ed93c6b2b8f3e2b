using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class ConfidenceIntervalTests
{
    [Test]
    public void HalfWidthUsesStudentTWithNMinusOneDegreesOfFreedom()
    {
        // 1..10: mean 5.5, sample variance 82.5/9, SE = sqrt(82.5/90); t(0.975, 9) = 2.2622 (tables).
        double[] samples = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        ConfidenceInterval interval = ConfidenceInterval.FromSamples(samples);

        double standardError = Math.Sqrt(82.5 / 9 / 10);
        Assert.Multiple(() =>
        {
            Assert.That(interval.Mean, Is.EqualTo(5.5));
            Assert.That(interval.Count, Is.EqualTo(10));
            Assert.That(interval.Level, Is.EqualTo(0.95));
            Assert.That(interval.HalfWidth / standardError, Is.EqualTo(2.2622).Within(5e-5));
            Assert.That(interval.HalfWidth, Is.EqualTo(2.165851).Within(1e-6));
        });
    }

    [Test]
    public void OtherLevelUsesMatchingQuantile()
    {
        // t(0.995, 4) = 4.6041 (tables); samples with mean 0 and sample variance 2.5.
        ConfidenceInterval interval = ConfidenceInterval.FromSamples(new[] { -2.0, -1, 0, 1, 2 }, level: 0.99);
        Assert.That(interval.HalfWidth, Is.EqualTo(4.6041 * Math.Sqrt(2.5 / 5)).Within(1e-4));
    }

    [Test]
    public void FewerThanTwoSamplesGiveNaNHalfWidth()
    {
        ConfidenceInterval one = ConfidenceInterval.FromSamples(new[] { 3.0 });
        ConfidenceInterval none = ConfidenceInterval.FromSamples(Array.Empty<double>());
        Assert.Multiple(() =>
        {
            Assert.That(one.Mean, Is.EqualTo(3));
            Assert.That(one.HalfWidth, Is.NaN);
            Assert.That(one.Contains(3), Is.False, "an interval of unknown width contains nothing");
            Assert.That(none.Mean, Is.NaN);
            Assert.That(none.Count, Is.Zero);
        });
    }

    [Test]
    public void ContainsIsClosedInterval()
    {
        var interval = new ConfidenceInterval(Mean: 10, HalfWidth: 2, Level: 0.95, Count: 5);
        Assert.Multiple(() =>
        {
            Assert.That(interval.Contains(8), Is.True);
            Assert.That(interval.Contains(12), Is.True);
            Assert.That(interval.Contains(12.0001), Is.False);
            Assert.That(interval.Contains(7.9999), Is.False);
            Assert.That(interval.Lower, Is.EqualTo(8));
            Assert.That(interval.Upper, Is.EqualTo(12));
        });
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(95.0)]
    public void RejectsLevelOutsideOpenUnitInterval(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.FromSamples(new[] { 1.0, 2 }, level));
}
