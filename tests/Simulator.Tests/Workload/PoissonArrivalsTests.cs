using HacaSim.Randomness;
using HacaSim.Workload;
using static HacaSim.Tests.Workload.ArrivalStatistics;

namespace HacaSim.Tests.Workload;

public class PoissonArrivalsTests
{
    [Test]
    public void RateAndCvMatchTheExponentialGaps()
    {
        const double rate = 5.0;
        const int n = 200_000;
        var process = new PoissonArrivals(rate, new RandomStreams(1).Stream("arrivals/poisson"));

        double[] times = Times(process, n);
        var (meanGap, cv) = MeanAndCv(Gaps(times));

        // Exponential raw moments: E[X^k] = k! / rate^k.
        double m1 = 1 / rate, m2 = 2 / (rate * rate), m3 = 6 / Math.Pow(rate, 3), m4 = 24 / Math.Pow(rate, 4);
        Assert.Multiple(() =>
        {
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(rate));
            Assert.That(meanGap, Is.EqualTo(m1).Within(Z * MeanStandardError(m1, m2, n)));
            Assert.That(n / times[^1], Is.EqualTo(rate).Within(Z * rate / Math.Sqrt(n)), "rate = n / time of the n-th arrival; its SE is rate * CV / sqrt(n)");
            Assert.That(cv, Is.EqualTo(1.0).Within(Z * CvStandardError(m1, m2, m3, m4, n)));
        });
    }

    [Test]
    public void SameStreamGivesTheSameArrivals()
    {
        var a = new PoissonArrivals(3, new RandomStreams(7).Stream("arrivals/x"));
        var b = new PoissonArrivals(3, new RandomStreams(7).Stream("arrivals/x"));
        var c = new PoissonArrivals(3, new RandomStreams(7).Stream("arrivals/y"));
        double[] ta = Times(a, 1000), tb = Times(b, 1000), tc = Times(c, 1000);
        Assert.That(ta, Is.EqualTo(tb));
        Assert.That(ta, Is.Not.EqualTo(tc));
    }

    [Test]
    public void ArrivalsCarryNoTokenCounts()
    {
        var arrival = new PoissonArrivals(1, new RandomStreams(1).Stream("a")).Next();
        Assert.That((arrival.PromptTokens, arrival.OutputTokens), Is.EqualTo((-1, -1)));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void RejectsInvalidRate(double rate)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PoissonArrivals(rate, new RandomStreams(1).Stream("a")));
        Assert.That(ex!.Message, Does.Contain("ratePerSecond must be a finite number > 0"));
    }
}
