using HacaSim.Randomness;
using HacaSim.Workload;
using static HacaSim.Tests.Workload.ArrivalStatistics;

namespace HacaSim.Tests.Workload;

public class RenewalArrivalsTests
{
    private static IEnumerable<TestCaseData> Distributions()
    {
        // CV 1/sqrt(2): smoother than Poisson.
        yield return new TestCaseData("gamma").SetArgDisplayNames("Gamma(2, 4)");
        // CV 2: burstier than Poisson.
        yield return new TestCaseData("gamma-bursty").SetArgDisplayNames("Gamma(0.25, 0.5)");
        yield return new TestCaseData("uniform").SetArgDisplayNames("Uniform(0.1, 0.5)");
    }

    private static MomentDistribution Make(string name, Random rng) => name switch
    {
        "gamma" => new GammaGaps(2, 4, rng),
        "gamma-bursty" => new GammaGaps(0.25, 0.5, rng),
        _ => new UniformGaps(0.1, 0.5, rng),
    };

    [TestCaseSource(nameof(Distributions))]
    public void MeanAndCvMatchTheGapDistribution(string name)
    {
        const int n = 200_000;
        MomentDistribution gaps = Make(name, new RandomStreams(3).Stream("arrivals/renewal/" + name));
        var process = new RenewalArrivals(gaps);

        var (meanGap, cv) = MeanAndCv(Gaps(Times(process, n)));

        double m1 = gaps.RawMoment(1), m2 = gaps.RawMoment(2), m3 = gaps.RawMoment(3), m4 = gaps.RawMoment(4);
        double expectedCv = Math.Sqrt(m2 / (m1 * m1) - 1);
        TestContext.Out.WriteLine($"{gaps}: mean gap {meanGap:F5} (theory {m1:F5}), CV {cv:F4} (theory {expectedCv:F4})");
        Assert.Multiple(() =>
        {
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(1 / m1).Within(1e-12));
            Assert.That(meanGap, Is.EqualTo(m1).Within(Z * MeanStandardError(m1, m2, n)));
            Assert.That(cv, Is.EqualTo(expectedCv).Within(Z * CvStandardError(m1, m2, m3, m4, n)));
        });
    }

    [Test]
    public void RejectsADistributionWithoutAPositiveMean() =>
        Assert.Throws<ArgumentException>(() => new RenewalArrivals(new UniformGaps(-1, 1, new Random(1))));

    [Test]
    public void NegativeGapFailsLoudly()
    {
        var process = new RenewalArrivals(new UniformGaps(-1, 3, new RandomStreams(1).Stream("a")));
        Assert.Throws<InvalidOperationException>(() => { for (int i = 0; i < 1000; i++) process.Next(); });
    }
}
