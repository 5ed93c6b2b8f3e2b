using HacaSim.Workload;

namespace HacaSim.Tests.Workload;

public class DeterministicArrivalsTests
{
    [Test]
    public void ArrivesExactlyEveryInterval()
    {
        var process = new DeterministicArrivals(0.1);
        for (int k = 1; k <= 100_000; k++)
        {
            double t = process.Next().TimeSeconds;
            // k * 0.1 exactly as doubles compute it: no drift from summing 0.1 a hundred thousand times.
            if (t != k * 0.1) Assert.Fail($"arrival {k} at {t:R} s, expected {k * 0.1:R} s");
        }
        Assert.That(process.MeanRatePerSecond, Is.EqualTo(10.0).Within(1e-12));
    }

    [Test]
    public void FirstArrivalIsAtOneInterval()
    {
        var process = new DeterministicArrivals(2.5);
        Assert.That(process.Next().TimeSeconds, Is.EqualTo(2.5));
        Assert.That(process.Next().TimeSeconds, Is.EqualTo(5.0));
        Assert.That(process.MeanRatePerSecond, Is.EqualTo(0.4));
    }

    [TestCase(0.0)]
    [TestCase(-0.5)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void RejectsInvalidInterval(double interval) =>
        Assert.Throws<ArgumentException>(() => new DeterministicArrivals(interval));
}
