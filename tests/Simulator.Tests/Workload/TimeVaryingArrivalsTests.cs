using HacaSim.Randomness;
using HacaSim.Workload;
using static HacaSim.Tests.Workload.ArrivalStatistics;

namespace HacaSim.Tests.Workload;

public class TimeVaryingArrivalsTests
{
    [Test]
    public void DiurnalCountsPerPhaseBinMatchTheIntegralOfTheRate()
    {
        const double mean = 10, amplitude = 0.8, period = 100, phase = 0.3;
        const int periods = 200, bins = 12;
        var profile = new DiurnalRate(mean, amplitude, period, phase);
        var process = new TimeVaryingArrivals(profile, new RandomStreams(4).Stream("arrivals/diurnal"));

        var counts = new int[bins];
        foreach (double t in TimesUntil(process, periods * period))
            counts[(int)(t % period / (period / bins))]++;

        // Integral of mean (1 + a sin(2 pi u / P + phase)) over one bin [u0, u1), times the number of periods.
        double Expected(int b)
        {
            double u0 = b * period / bins, u1 = (b + 1) * period / bins;
            double theta0 = 2 * Math.PI * u0 / period + phase, theta1 = 2 * Math.PI * u1 / period + phase;
            return periods * mean * (u1 - u0 + amplitude * period / (2 * Math.PI) * (Math.Cos(theta0) - Math.Cos(theta1)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(mean));
            Assert.That(profile.MaxRatePerSecond, Is.EqualTo(mean * (1 + amplitude)));
            for (int b = 0; b < bins; b++)
            {
                // Counts in disjoint intervals of a Poisson process are Poisson: SD = sqrt(mean).
                double expected = Expected(b);
                TestContext.Out.WriteLine($"bin {b,2}: {counts[b],6} arrivals, theory {expected:F1}");
                Assert.That(counts[b], Is.EqualTo(expected).Within(Z * Math.Sqrt(expected)), $"bin {b}");
            }
        });
    }

    [Test]
    public void PiecewiseCountsPerPieceMatchRateTimesLength()
    {
        var table = new PiecewiseConstantRate([(0, 5), (1000, 0), (1500, 40), (3000, 2)]);
        var process = new TimeVaryingArrivals(table, new RandomStreams(6).Stream("arrivals/table"));
        double[] edges = [0, 1000, 1500, 3000, 20_000];
        double[] rates = [5, 0, 40, 2];

        var counts = new int[rates.Length];
        foreach (double t in TimesUntil(process, edges[^1]))
            counts[Array.FindLastIndex(edges, e => e <= t)]++;

        Assert.Multiple(() =>
        {
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(2), "the last rate continues for ever");
            Assert.That(table.MaxRatePerSecond, Is.EqualTo(40));
            for (int i = 0; i < rates.Length; i++)
            {
                double expected = rates[i] * (edges[i + 1] - edges[i]);
                Assert.That(counts[i], Is.EqualTo(expected).Within(Z * Math.Sqrt(expected)), $"piece {i}");
            }
            Assert.That(counts[1], Is.Zero, "a rate-0 piece has no arrivals at all");
        });
    }

    [Test]
    public void TableEndingAtZeroRateEnds()
    {
        var table = new PiecewiseConstantRate([(0, 10), (100, 0), (200, 0)]);
        var process = new TimeVaryingArrivals(table, new RandomStreams(1).Stream("a"));
        Assert.That(table.EndSeconds, Is.EqualTo(100));
        Assert.That(table.MeanRatePerSecond, Is.EqualTo(10), "mean over the active span [0, 100)");

        var times = TimesUntil(process, double.PositiveInfinity);
        Assert.That(times, Has.All.LessThan(100));
        Assert.That(times.Count, Is.EqualTo(1000).Within(Z * Math.Sqrt(1000)));
        Assert.That(process.Next().IsEnd, Is.True, "stays ended");
    }

    [Test]
    public void PiecewiseRateLookupUsesThePieceStartingAtOrBefore()
    {
        var table = new PiecewiseConstantRate([(0, 1), (10, 2), (20, 3)]);
        Assert.That(new[] { 0.0, 9.99, 10, 15, 20, 1e9 }.Select(table.RatePerSecond), Is.EqualTo(new double[] { 1, 1, 2, 2, 3, 3 }));
        Assert.That(table.ExpectedCountUntil(25), Is.EqualTo(10 + 20 + 15));
    }

    [Test]
    public void FunctionRateWithoutAKnownMeanReportsNaN()
    {
        var process = new TimeVaryingArrivals(t => t < 50 ? 1 : 2, 2, new Random(1));
        Assert.That(process.MeanRatePerSecond, Is.NaN);
        Assert.That(new TimeVaryingArrivals(t => 1, 2, new Random(1), meanRatePerSecond: 1).MeanRatePerSecond, Is.EqualTo(1));
    }

    [Test]
    public void RateAboveTheEnvelopeFailsLoudly()
    {
        var process = new TimeVaryingArrivals(t => t < 10 ? 1 : 5, 2, new RandomStreams(1).Stream("a"));
        Assert.Throws<InvalidOperationException>(() => { for (int i = 0; i < 1000; i++) process.Next(); });
    }

    [Test]
    public void RejectsInvalidShapes()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => new DiurnalRate(10, 1.5, 100), "amplitude > 1");
            Assert.Throws<ArgumentException>(() => new DiurnalRate(10, -0.1, 100), "amplitude < 0");
            Assert.Throws<ArgumentException>(() => new DiurnalRate(0, 0.5, 100), "mean 0");
            Assert.Throws<ArgumentException>(() => new DiurnalRate(10, 0.5, 0), "period 0");
            Assert.Throws<ArgumentException>(() => new PiecewiseConstantRate([]), "empty table");
            Assert.Throws<ArgumentException>(() => new PiecewiseConstantRate([(5, 1)]), "first start not 0");
            Assert.Throws<ArgumentException>(() => new PiecewiseConstantRate([(0, 1), (10, 2), (10, 3)]), "starts not increasing");
            Assert.Throws<ArgumentException>(() => new PiecewiseConstantRate([(0, 1), (10, -2)]), "negative rate");
            Assert.Throws<ArgumentException>(() => new PiecewiseConstantRate([(0, 0), (10, 0)]), "all rates 0");
            Assert.Throws<ArgumentException>(() => new TimeVaryingArrivals(t => 1, 0, new Random(1)), "maxRate 0");
        });
    }
}
