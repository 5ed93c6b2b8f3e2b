using HacaSim.Randomness;
using HacaSim.Workload;
using static HacaSim.Tests.Workload.ArrivalStatistics;

namespace HacaSim.Tests.Workload;

public class MarkovModulatedArrivalsTests
{
    // On/off (interrupted Poisson process): Poisson(lambda) while on; on lasts Exp(alpha), off Exp(beta).
    private const double Lambda = 10, OnMeanSeconds = 1, OffMeanSeconds = 1;
    private const double Alpha = 1 / OnMeanSeconds, Beta = 1 / OffMeanSeconds;

    private static MarkovModulatedArrivals OnOff(string stream) =>
        new([Lambda, 0], [OnMeanSeconds, OffMeanSeconds], new RandomStreams(11).Stream(stream));

    /// <summary>
    /// The IPP's gaps are i.i.d. hyperexponential H2 (Kuczura, 1973): with probability p1 Exp(mu1),
    /// else Exp(mu2), where mu1, mu2 are the roots of s^2 - (lambda + alpha + beta) s + lambda beta = 0
    /// and p1 = (lambda - mu2) / (mu1 - mu2). Raw moments E[X^k] = k! (p1/mu1^k + p2/mu2^k).
    /// </summary>
    private static double H2RawMoment(int k)
    {
        double sum = Lambda + Alpha + Beta;
        double root = Math.Sqrt(sum * sum - 4 * Lambda * Beta);
        double mu1 = (sum + root) / 2, mu2 = (sum - root) / 2;
        double p1 = (Lambda - mu2) / (mu1 - mu2), p2 = 1 - p1;
        double factorial = Enumerable.Range(1, k).Aggregate(1.0, (f, i) => f * i);
        return factorial * (p1 / Math.Pow(mu1, k) + p2 / Math.Pow(mu2, k));
    }

    [Test]
    public void H2RepresentationAgreesWithTheClosedForm()
    {
        double m1 = H2RawMoment(1), m2 = H2RawMoment(2);
        // Mean gap (alpha + beta) / (lambda beta) and CV^2 = 1 + 2 lambda alpha / (alpha + beta)^2
        // (Fischer and Meier-Hellstern, "The MMPP cookbook", 1993).
        Assert.That(m1, Is.EqualTo((Alpha + Beta) / (Lambda * Beta)).Within(1e-12));
        Assert.That(m2 / (m1 * m1) - 1, Is.EqualTo(1 + 2 * Lambda * Alpha / ((Alpha + Beta) * (Alpha + Beta))).Within(1e-9));
    }

    [Test]
    public void OnOffRateAndCvMatchTheHyperexponentialGaps()
    {
        const int n = 200_000;
        var process = OnOff("arrivals/onoff");
        double[] times = Times(process, n);
        // The first gap starts at time 0, not at an arrival, so it is not H2; drop it.
        double[] gaps = Gaps(times)[1..];
        var (meanGap, cv) = MeanAndCv(gaps);

        double m1 = H2RawMoment(1), m2 = H2RawMoment(2), m3 = H2RawMoment(3), m4 = H2RawMoment(4);
        double expectedRate = (Lambda * OnMeanSeconds + 0 * OffMeanSeconds) / (OnMeanSeconds + OffMeanSeconds);
        double expectedCv = Math.Sqrt(m2 / (m1 * m1) - 1);
        TestContext.Out.WriteLine($"on/off: rate {1 / meanGap:F4}/s (theory {expectedRate}), gap CV {cv:F4} (theory {expectedCv:F4})");
        Assert.Multiple(() =>
        {
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(expectedRate).Within(1e-12));
            Assert.That(meanGap, Is.EqualTo(1 / expectedRate).Within(Z * MeanStandardError(m1, m2, gaps.Length)));
            Assert.That(cv, Is.GreaterThan(1));
            Assert.That(cv, Is.EqualTo(expectedCv).Within(Z * CvStandardError(m1, m2, m3, m4, gaps.Length)));
        });
    }

    [Test]
    public void OnOffCountsAreOverdispersedAsTheoryPredicts()
    {
        const double window = 10;
        const int windows = 4000, batches = 20;
        var process = OnOff("arrivals/onoff-idc");
        int[] counts = WindowCounts(TimesUntil(process, window * windows), window, windows);

        // Index of dispersion Var N(t) / E N(t) of a two-state MMPP (Fischer and Meier-Hellstern, 1993):
        // 1 + c (1 - (1 - e^(-s t)) / (s t)) with s = alpha + beta, c = 2 alpha beta (l1 - l2)^2 / (s^2 (l1 beta + l2 alpha)).
        double s = Alpha + Beta;
        double c = 2 * Alpha * Beta * Lambda * Lambda / (s * s * Lambda * Beta);
        double expectedIdc = 1 + c * (1 - (1 - Math.Exp(-s * window)) / (s * window));

        int perBatch = windows / batches;
        var idcs = Enumerable.Range(0, batches).Select(b =>
        {
            var slice = counts.Skip(b * perBatch).Take(perBatch).Select(x => (double)x).ToArray();
            double mean = slice.Average();
            return slice.Sum(x => (x - mean) * (x - mean)) / (slice.Length - 1) / mean;
        }).ToArray();
        var (idc, se) = BatchMean(idcs);
        TestContext.Out.WriteLine($"on/off index of dispersion over {window} s windows: {idc:F3} +- {se:F3} (theory {expectedIdc:F3})");
        Assert.That(idc, Is.GreaterThan(1 + Z * se), "Poisson would give 1");
        Assert.That(idc, Is.EqualTo(expectedIdc).Within(Z * se));
    }

    [Test]
    public void ThreeStateMeanRateMatchesTheSojournWeightedAverage()
    {
        double[] rates = [0, 5, 30], sojourns = [4, 2, 1];
        var process = new MarkovModulatedArrivals(rates, sojourns, new RandomStreams(5).Stream("arrivals/mmpp3"));
        double expected = (0 * 4 + 5 * 2 + 30 * 1) / 7.0;
        Assert.That(process.MeanRatePerSecond, Is.EqualTo(expected).Within(1e-12));

        // Batch means over windows much longer than the sojourns, so the batches are nearly independent.
        const double batchSeconds = 2000;
        const int batches = 20;
        int[] counts = WindowCounts(TimesUntil(process, batchSeconds * batches), batchSeconds, batches);
        var (rate, se) = BatchMean(counts.Select(x => x / batchSeconds).ToArray());
        TestContext.Out.WriteLine($"3-state MMPP rate {rate:F4} +- {se:F4}/s (theory {expected:F4})");
        Assert.That(rate, Is.EqualTo(expected).Within(Z * se));
    }

    [Test]
    public void StartsInTheStationaryState()
    {
        // On 1 s, off 4 s: the stationary process is on 20% of the time. A process always started
        // "on" would average ~12.6 arrivals in its first second instead of 4.
        const int replicas = 20_000;
        var rng = new RandomStreams(9).Stream("arrivals/mmpp-start");
        int startedOn = 0;
        var firstSecond = new double[replicas];
        for (int r = 0; r < replicas; r++)
        {
            var process = new MarkovModulatedArrivals([20, 0], [1, 4], rng);
            if (process.State == 0) startedOn++;
            int count = 0;
            while (process.Next().TimeSeconds < 1) count++;
            firstSecond[r] = count;
        }
        double p = 0.2;
        var (meanCount, se) = BatchMean(firstSecond);
        Assert.Multiple(() =>
        {
            Assert.That(startedOn / (double)replicas, Is.EqualTo(p).Within(Z * Math.Sqrt(p * (1 - p) / replicas)));
            Assert.That(meanCount, Is.EqualTo(20 * p).Within(Z * se), "E N(0, 1) = mean rate * 1 s in steady state");
        });
    }

    [Test]
    public void ZeroRateStateProducesNoArrivals()
    {
        // Long off periods; every arrival must fall in an on period, so none while State == 1 is current.
        var process = new MarkovModulatedArrivals([0, 50], [1, 1], new RandomStreams(2).Stream("a"));
        for (int i = 0; i < 10_000; i++)
        {
            process.Next();
            Assert.That(process.State, Is.EqualTo(1));
        }
    }

    [Test]
    public void RejectsInvalidParameters()
    {
        var rng = new Random(1);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => new MarkovModulatedArrivals([1], [1], rng), "one state");
            Assert.Throws<ArgumentException>(() => new MarkovModulatedArrivals([1, 2], [1], rng), "length mismatch");
            Assert.Throws<ArgumentException>(() => new MarkovModulatedArrivals([1, -2], [1, 1], rng), "negative rate");
            Assert.Throws<ArgumentException>(() => new MarkovModulatedArrivals([0, 0], [1, 1], rng), "all rates 0");
            Assert.Throws<ArgumentException>(() => new MarkovModulatedArrivals([1, 2], [1, 0], rng), "zero sojourn");
            Assert.Throws<ArgumentException>(() => new MarkovModulatedArrivals([1, double.NaN], [1, 1], rng), "NaN rate");
        });
    }
}
