using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class LinearTrendTests
{
    [Test]
    public void HandComputedFit()
    {
        // x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5: slope 1.1, intercept 1.1. Residuals -0.1, 0.8,
        // -1.3, 0.6: RSS = 2.7, s² = 1.35, SE = √(1.35/5) = 0.519615; t(0.975, 2) = 4.302653.
        TrendFit fit = LinearTrend.Fit([0, 1, 2, 3], [1, 3, 2, 5]);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Slope, Is.EqualTo(1.1).Within(1e-14));
            Assert.That(fit.Intercept, Is.EqualTo(1.1).Within(1e-14));
            Assert.That(fit.SlopeStandardError, Is.EqualTo(Math.Sqrt(0.27)).Within(1e-14));
            Assert.That(fit.SlopeHalfWidth, Is.EqualTo(4.302653 * Math.Sqrt(0.27)).Within(1e-6));
            Assert.That(fit.Count, Is.EqualTo(4));
            Assert.That(fit.Level, Is.EqualTo(0.95));
        });
    }

    [Test]
    public void ExactLineFarFromTheOriginIsRecovered()
    {
        // Simulation times around 1e6 s: the centred sums keep the slope exact to rounding.
        double[] x = Enumerable.Range(0, 100).Select(i => 1e6 + 10.0 * i).ToArray();
        double[] y = x.Select(t => 3 + 2e-3 * t).ToArray();
        TrendFit fit = LinearTrend.Fit(x, y);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Slope, Is.EqualTo(2e-3).Within(1e-12));
            Assert.That(fit.Intercept, Is.EqualTo(3).Within(1e-6));
            Assert.That(fit.SlopeHalfWidth, Is.LessThan(1e-12));
        });
    }

    [Test]
    public void NoisyLineSlopeIsInsideItsIntervalAndStandardErrorMatchesTheory()
    {
        // y = 5 + 0.25 x + N(0, 2²) for x = 0..999. Theory: SE = σ/√Sxx with Sxx = n(n²-1)/12.
        const int n = 1000;
        const double trueSlope = 0.25;
        double expectedStandardError = 2 / Math.Sqrt(n * ((double)n * n - 1) / 12);
        int covered = 0;
        for (int seed = 1; seed <= 200; seed++)
        {
            (double[] x, double[] y) = Line(seed, n, intercept: 5, trueSlope, noiseSd: 2);
            TrendFit fit = LinearTrend.Fit(x, y);
            if (fit.SlopeIntervalContains(trueSlope))
                covered++;
            Assert.That(fit.SlopeStandardError, Is.EqualTo(expectedStandardError).Within(10).Percent, $"seed {seed}");
            Assert.That(fit.SlopeLower, Is.GreaterThan(0), "a real growth rate is detected");
        }
        // 95% nominal; sd of the rate over 200 seeds is ~1.5%.
        Assert.That(covered / 200.0, Is.InRange(0.90, 0.99));
    }

    [Test]
    public void FlatNoisySeriesHasSlopeIntervalContainingZero()
    {
        (double[] x, double[] y) = Line(seed: 42, n: 500, intercept: 7, slope: 0, noiseSd: 1);
        TrendFit fit = LinearTrend.Fit(x, y);
        Assert.Multiple(() =>
        {
            Assert.That(fit.SlopeIntervalContains(0), Is.True);
            Assert.That(fit.Intercept, Is.EqualTo(7).Within(0.5));
            Assert.That(fit.SlopeHalfWidth, Is.GreaterThan(0));
        });
    }

    [Test]
    public void TwoPointsGiveSlopeWithoutInterval()
    {
        TrendFit fit = LinearTrend.Fit([1, 3], [2, 6]);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Slope, Is.EqualTo(2));
            Assert.That(fit.Intercept, Is.EqualTo(0));
            Assert.That(fit.SlopeStandardError, Is.NaN);
            Assert.That(fit.SlopeHalfWidth, Is.NaN);
        });
    }

    [Test]
    public void RejectsDegenerateInput()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1, 2, 3], [1, 2]));
            Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1], [1]));
            Assert.Throws<ArgumentException>(() => LinearTrend.Fit([2, 2, 2], [1, 2, 3]));
            Assert.Throws<ArgumentOutOfRangeException>(() => LinearTrend.Fit([1, 2, 3], [1, 2, 3], level: 1.5));
        });
    }

    private static (double[] X, double[] Y) Line(int seed, int n, double intercept, double slope, double noiseSd)
    {
        var normals = new BoxMullerNormals(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i;
            y[i] = intercept + slope * i + noiseSd * normals.Next();
        }
        return (x, y);
    }
}
