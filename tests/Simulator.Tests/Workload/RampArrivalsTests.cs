using HacaSim.Randomness;
using HacaSim.Workload;
using static HacaSim.Tests.Workload.ArrivalStatistics;

namespace HacaSim.Tests.Workload;

public class RampArrivalsTests
{
    [TestCase(null)]
    [TestCase(25.0)]
    public void CountsPerStepEqualRateTimesLength(double? maxRate)
    {
        const double start = 10, step = 5, length = 200;
        const int steps = 10;
        var process = new RampArrivals(start, step, length, new RandomStreams(8).Stream("arrivals/ramp"), maxRate);
        int[] counts = WindowCounts(TimesUntil(process, steps * length), length, steps);

        Assert.Multiple(() =>
        {
            for (int k = 0; k < steps; k++)
            {
                double rate = Math.Min(start + k * step, maxRate ?? double.PositiveInfinity);
                double expected = rate * length;
                Assert.That(process.RatePerSecond(k), Is.EqualTo(rate));
                // Counts of a Poisson process in disjoint intervals are independent Poisson variables.
                Assert.That(counts[k], Is.EqualTo(expected).Within(Z * Math.Sqrt(expected)), $"step {k}");
            }
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(maxRate ?? double.PositiveInfinity));
        });
    }

    [Test]
    public void ZeroStartRateSkipsTheFirstStep()
    {
        var process = new RampArrivals(0, 1, 50, new RandomStreams(1).Stream("a"));
        Assert.That(process.Next().TimeSeconds, Is.GreaterThanOrEqualTo(50));
    }

    [Test]
    public void RejectsInvalidParameters()
    {
        var rng = new Random(1);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => new RampArrivals(0, 0, 10, rng), "never arrives");
            Assert.Throws<ArgumentException>(() => new RampArrivals(-1, 1, 10, rng), "negative start");
            Assert.Throws<ArgumentException>(() => new RampArrivals(1, -1, 10, rng), "negative step");
            Assert.Throws<ArgumentException>(() => new RampArrivals(1, 1, 0, rng), "zero step length");
            Assert.Throws<ArgumentException>(() => new RampArrivals(10, 1, 10, rng, maxRate: 5), "cap below start");
        });
    }
}
