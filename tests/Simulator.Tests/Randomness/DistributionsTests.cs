using HacaSim.Randomness;
using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace HacaSim.Tests.Randomness;

/// <summary>
/// Every factory method of <see cref="Distributions"/>: its exact Mean and Variance against closed
/// forms written out here, and 200,000 seeded draws against those moments. Tolerances are 4 standard
/// errors (two-sided p ~ 6e-5 per check), and each check also asserts its band is narrow, so that a
/// noisy sample cannot pass by being noisy.
/// </summary>
public class DistributionsTests
{
    private const int SampleSize = 200_000;
    private const int Batches = 40;
    private const ulong Seed = 20_250_101;

    /// <summary>z of the standard normal at 0.99 (Abramowitz and Stegun 26.2; 2.326347874...).</summary>
    private const double Z99 = 2.3263478740408408;

    public sealed record Case(string Name, Func<Random, IDistribution> Create, double ExactMean, double ExactVariance)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<Case> Cases()
    {
        yield return new("Exponential(mean 2)", rng => Distributions.Exponential(2, rng), 2, 4);
        yield return new("Uniform(1, 4)", rng => Distributions.Uniform(1, 4, rng), 2.5, 9.0 / 12);
        // 3.3 sd above zero: truncation moves the mean by only 0.05%, but the exact moments must still see it.
        yield return new("Normal(5, 1.5), barely truncated", rng => Distributions.Normal(5, 1.5, rng),
            TruncatedNormalMean(5, 1.5), TruncatedNormalVariance(5, 1.5));
        yield return new("Normal(0.5, 1), truncated at 0", rng => Distributions.Normal(0.5, 1, rng),
            TruncatedNormalMean(0.5, 1), TruncatedNormalVariance(0.5, 1));
        yield return new("LogNormal(mu 0.3, sigma 0.5)", rng => Distributions.LogNormal(0.3, 0.5, rng),
            Math.Exp(0.3 + 0.125), (Math.Exp(0.25) - 1) * Math.Exp(0.6 + 0.25));
        yield return new("LogNormalFromMeanCv(2, 0.5)", rng => Distributions.LogNormalFromMeanCv(2, 0.5, rng), 2, 1);
        double sigma = Math.Log(5.0 / 1.2) / Z99;
        yield return new("LogNormalFromMedianP99(1.2, 5)", rng => Distributions.LogNormalFromMedianP99(1.2, 5, rng),
            1.2 * Math.Exp(sigma * sigma / 2), 1.44 * Math.Exp(sigma * sigma) * (Math.Exp(sigma * sigma) - 1));
        yield return new("Gamma(shape 2, rate 0.5)", rng => Distributions.Gamma(2, 0.5, rng), 4, 8);
        yield return new("GammaFromMeanCv(3, 0.7)", rng => Distributions.GammaFromMeanCv(3, 0.7, rng), 3, 0.7 * 0.7 * 9);
        yield return new("Weibull(shape 1.5, scale 2)", rng => Distributions.Weibull(1.5, 2, rng),
            2 * SpecialFunctions.Gamma(1 + 1 / 1.5),
            4 * (SpecialFunctions.Gamma(1 + 2 / 1.5) - Math.Pow(SpecialFunctions.Gamma(1 + 1 / 1.5), 2)));
        // Population variance of {1, 2, 2, 7}: mean 3, squared deviations 4 + 1 + 1 + 16 = 22, / 4.
        yield return new("Empirical(1, 2, 2, 7)", rng => Distributions.Empirical([1, 2, 2, 7], rng), 3, 5.5);
    }

    [TestCaseSource(nameof(Cases))]
    public void Exact_moments_match_the_closed_form(Case c)
    {
        IDistribution distribution = c.Create(new Xoshiro256StarStar(Seed));
        Assert.Multiple(() =>
        {
            Assert.That(distribution.Mean, Is.EqualTo(c.ExactMean).Within(1e-12).Percent, "Mean");
            Assert.That(distribution.Variance, Is.EqualTo(c.ExactVariance).Within(1e-12).Percent, "Variance");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Sample_mean_is_within_four_standard_errors(Case c)
    {
        double[] sample = Draw(c.Create(new Xoshiro256StarStar(Seed)), SampleSize);
        double standardError = Math.Sqrt(c.ExactVariance / SampleSize);
        double mean = sample.Mean();
        TestContext.Out.WriteLine($"{c.Name}: sample mean {mean:G6}, exact {c.ExactMean:G6}, 4 SE {4 * standardError:G3}");
        Assert.That(mean, Is.EqualTo(c.ExactMean).Within(4 * standardError));
        Assert.That(4 * standardError, Is.LessThan(0.02 * c.ExactMean), "band too wide to test the mean");
    }

    /// <summary>
    /// The batch variances are independent unbiased estimates of the variance, so their mean has a
    /// standard error estimated from their spread; that avoids a fourth moment per distribution.
    /// </summary>
    [TestCaseSource(nameof(Cases))]
    public void Sample_variance_is_within_four_batch_standard_errors(Case c)
    {
        double[] sample = Draw(c.Create(new Xoshiro256StarStar(Seed)), SampleSize);
        int batchSize = SampleSize / Batches;
        double[] batchVariances = Enumerable.Range(0, Batches)
            .Select(b => sample.AsSpan(b * batchSize, batchSize).ToArray().Variance())
            .ToArray();
        double variance = batchVariances.Mean();
        double standardError = batchVariances.StandardDeviation() / Math.Sqrt(Batches);
        TestContext.Out.WriteLine($"{c.Name}: sample variance {variance:G6}, exact {c.ExactVariance:G6}, 4 SE {4 * standardError:G3}");
        Assert.That(variance, Is.EqualTo(c.ExactVariance).Within(4 * standardError));
        Assert.That(4 * standardError, Is.LessThan(0.1 * c.ExactVariance), "band too wide to test the variance");
    }

    /// <summary>
    /// Exact result: the equilibrium residual of a renewal period X has mean E[X^2] / (2 E[X]) =
    /// (Var X + E[X]^2) / (2 E[X]); the fault injector starts nodes with it. 4 standard errors of the sample.
    /// </summary>
    [TestCaseSource(nameof(Cases))]
    public void Equilibrium_residual_mean_is_the_second_moment_over_twice_the_mean(Case c)
    {
        IDistribution d = c.Create(new Xoshiro256StarStar(Seed));
        var rng = new Xoshiro256StarStar(Seed + 7);
        double[] sample = Enumerable.Range(0, SampleSize).Select(_ => EquilibriumResidual.Sample(d, rng)).ToArray();
        double exact = (c.ExactVariance + c.ExactMean * c.ExactMean) / (2 * c.ExactMean);
        double standardError = sample.StandardDeviation() / Math.Sqrt(SampleSize);
        TestContext.Out.WriteLine($"{c.Name}: residual mean {sample.Mean():G6}, exact {exact:G6}, 4 SE {4 * standardError:G3}");
        Assert.That(sample.Mean(), Is.EqualTo(exact).Within(4 * standardError));
        Assert.That(4 * standardError, Is.LessThan(0.03 * exact), "band too wide to test the mean");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_same_seed_gives_the_same_sequence(Case c)
    {
        double[] first = Draw(c.Create(new Xoshiro256StarStar(Seed)), 1000);
        double[] second = Draw(c.Create(new Xoshiro256StarStar(Seed)), 1000);
        double[] otherSeed = Draw(c.Create(new Xoshiro256StarStar(Seed + 1)), 1000);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherSeed, Is.Not.EqualTo(first));
    }

    [Test]
    public void Deterministic_always_returns_its_value()
    {
        IDistribution d = Distributions.Deterministic(3.5);
        Assert.Multiple(() =>
        {
            Assert.That(Draw(d, 1000), Is.All.EqualTo(3.5));
            Assert.That(d.Mean, Is.EqualTo(3.5));
            Assert.That(d.Variance, Is.Zero);
        });
    }

    [Test]
    public void Uniform_with_equal_bounds_is_deterministic()
    {
        IDistribution d = Distributions.Uniform(2, 2, new Xoshiro256StarStar(Seed));
        Assert.That(Draw(d, 1000), Is.All.EqualTo(2.0));
        Assert.That(d.Variance, Is.Zero);
    }

    [Test]
    public void LogNormalFromMeanCv_has_the_asked_mean_and_cv()
    {
        const double mean = 2, cv = 0.5;
        IDistribution d = Distributions.LogNormalFromMeanCv(mean, cv, new Xoshiro256StarStar(Seed));
        double[] sample = Draw(d, SampleSize);
        double sampleCv = sample.StandardDeviation() / sample.Mean();
        TestContext.Out.WriteLine($"sample mean {sample.Mean():G6}, sample cv {sampleCv:G6}");
        Assert.Multiple(() =>
        {
            Assert.That(d.Mean, Is.EqualTo(mean).Within(1e-12).Percent);
            Assert.That(Math.Sqrt(d.Variance) / d.Mean, Is.EqualTo(cv).Within(1e-12).Percent);
            // The mean and variance checks above carry the 4-SE argument; 2% on the CV is ~4 SE here.
            Assert.That(sample.Mean(), Is.EqualTo(mean).Within(1).Percent);
            Assert.That(sampleCv, Is.EqualTo(cv).Within(2).Percent);
        });
    }

    [Test]
    public void LogNormalFromMeanCv_with_zero_cv_is_deterministic()
    {
        IDistribution d = Distributions.LogNormalFromMeanCv(2, 0, new Xoshiro256StarStar(Seed));
        Assert.That(Draw(d, 1000), Is.All.EqualTo(2.0));
        Assert.That(d.Variance, Is.Zero);
    }

    /// <summary>
    /// Sample quantiles: the standard error of the p-quantile is sqrt(p(1-p)/n)/f(x_p), which here is
    /// about 0.2% of the median and 0.6% of the 99th percentile, so 2% is over 3 standard errors.
    /// </summary>
    [Test]
    public void LogNormalFromMedianP99_has_the_asked_median_and_p99()
    {
        const double median = 1.2, p99 = 5;
        double[] sample = Draw(Distributions.LogNormalFromMedianP99(median, p99, new Xoshiro256StarStar(Seed)), SampleSize);
        Array.Sort(sample);
        double sampleMedian = SortedArrayStatistics.Quantile(sample, 0.5);
        double sampleP99 = SortedArrayStatistics.Quantile(sample, 0.99);
        TestContext.Out.WriteLine($"sample median {sampleMedian:G6}, sample p99 {sampleP99:G6}");
        Assert.Multiple(() =>
        {
            Assert.That(sampleMedian, Is.EqualTo(median).Within(2).Percent);
            Assert.That(sampleP99, Is.EqualTo(p99).Within(2).Percent);
        });
    }

    [Test]
    public void GammaFromMeanCv_with_zero_cv_is_deterministic()
    {
        IDistribution d = Distributions.GammaFromMeanCv(3, 0, new Xoshiro256StarStar(Seed));
        Assert.Multiple(() =>
        {
            Assert.That(Draw(d, 1000), Is.All.EqualTo(3.0));
            Assert.That(d.Mean, Is.EqualTo(3.0));
            Assert.That(d.Variance, Is.Zero);
        });
    }

    [Test]
    public void Truncated_normal_never_returns_a_negative_and_has_the_truncated_mean()
    {
        // Mean 0.5, sd 1 rejects about 31% of the normal's draws, so truncation is exercised hard.
        // E[X | X > 0] = mu + sigma phi(mu/sigma) / Phi(mu/sigma) = 0.5 + 0.35207/0.69146 = 1.00916.
        IDistribution d = Distributions.Normal(0.5, 1, new Xoshiro256StarStar(Seed));
        double[] sample = Draw(d, SampleSize);
        double standardError = Math.Sqrt(d.Variance / SampleSize);
        Assert.Multiple(() =>
        {
            Assert.That(sample.Min(), Is.GreaterThanOrEqualTo(0));
            Assert.That(d.Mean, Is.EqualTo(1.0091596).Within(1e-6));
            Assert.That(d.Mean, Is.EqualTo(TruncatedNormalMean(0.5, 1)).Within(1e-12));
            Assert.That(sample.Mean(), Is.EqualTo(TruncatedNormalMean(0.5, 1)).Within(4 * standardError));
        });
    }

    [Test]
    public void Empirical_draws_only_the_given_values()
    {
        double[] sample = Draw(Distributions.Empirical([1, 2, 2, 7], new Xoshiro256StarStar(Seed)), 10_000);
        Assert.That(sample, Is.All.AnyOf(1.0, 2.0, 7.0));
        Assert.That(sample.Distinct().Count(), Is.EqualTo(3));
    }

    private static IEnumerable<TestCaseData> InvalidParameters()
    {
        static TestCaseData Case(string name, Func<Random, IDistribution> create) => new TestCaseData(create).SetArgDisplayNames(name);

        yield return Case("Exponential negative mean", rng => Distributions.Exponential(-1, rng));
        yield return Case("Exponential zero mean", rng => Distributions.Exponential(0, rng));
        yield return Case("Exponential NaN mean", rng => Distributions.Exponential(double.NaN, rng));
        yield return Case("Exponential infinite mean", rng => Distributions.Exponential(double.PositiveInfinity, rng));
        yield return Case("Deterministic NaN", _ => Distributions.Deterministic(double.NaN));
        yield return Case("Deterministic infinity", _ => Distributions.Deterministic(double.PositiveInfinity));
        yield return Case("Uniform min > max", rng => Distributions.Uniform(3, 1, rng));
        yield return Case("Uniform NaN bound", rng => Distributions.Uniform(double.NaN, 1, rng));
        yield return Case("Normal zero sd", rng => Distributions.Normal(1, 0, rng));
        yield return Case("Normal negative sd", rng => Distributions.Normal(1, -1, rng));
        yield return Case("Normal NaN mean", rng => Distributions.Normal(double.NaN, 1, rng));
        yield return Case("Normal NaN sd", rng => Distributions.Normal(1, double.NaN, rng));
        yield return Case("Normal mean below -6 sd", rng => Distributions.Normal(-7, 1, rng));
        yield return Case("LogNormal zero sigma", rng => Distributions.LogNormal(0, 0, rng));
        yield return Case("LogNormal NaN sigma", rng => Distributions.LogNormal(0, double.NaN, rng));
        yield return Case("LogNormal NaN mu", rng => Distributions.LogNormal(double.NaN, 1, rng));
        yield return Case("LogNormalFromMeanCv negative mean", rng => Distributions.LogNormalFromMeanCv(-1, 0.5, rng));
        yield return Case("LogNormalFromMeanCv negative cv", rng => Distributions.LogNormalFromMeanCv(1, -0.5, rng));
        yield return Case("LogNormalFromMeanCv NaN cv", rng => Distributions.LogNormalFromMeanCv(1, double.NaN, rng));
        yield return Case("LogNormalFromMedianP99 zero median", rng => Distributions.LogNormalFromMedianP99(0, 2, rng));
        yield return Case("LogNormalFromMedianP99 p99 below median", rng => Distributions.LogNormalFromMedianP99(2, 1, rng));
        yield return Case("LogNormalFromMedianP99 NaN p99", rng => Distributions.LogNormalFromMedianP99(1, double.NaN, rng));
        yield return Case("Gamma zero shape", rng => Distributions.Gamma(0, 1, rng));
        yield return Case("Gamma negative rate", rng => Distributions.Gamma(1, -1, rng));
        yield return Case("GammaFromMeanCv negative mean", rng => Distributions.GammaFromMeanCv(-3, 0.5, rng));
        yield return Case("GammaFromMeanCv negative cv", rng => Distributions.GammaFromMeanCv(3, -0.5, rng));
        yield return Case("GammaFromMeanCv NaN mean", rng => Distributions.GammaFromMeanCv(double.NaN, 0, rng));
        yield return Case("Weibull zero shape", rng => Distributions.Weibull(0, 1, rng));
        yield return Case("Weibull negative scale", rng => Distributions.Weibull(1, -2, rng));
        yield return Case("Empirical empty list", rng => Distributions.Empirical([], rng));
        yield return Case("Empirical NaN value", rng => Distributions.Empirical([1, double.NaN], rng));
    }

    [TestCaseSource(nameof(InvalidParameters))]
    public void Invalid_parameters_throw_an_argument_exception(Func<Random, IDistribution> create)
    {
        var rng = new Xoshiro256StarStar(Seed);
        Assert.That(() => create(rng), Throws.InstanceOf<ArgumentException>());
    }

    private static double[] Draw(IDistribution distribution, int n)
    {
        var sample = new double[n];
        for (int i = 0; i < n; i++) sample[i] = distribution.Sample();
        return sample;
    }

    /// <summary>Written in the phi(mu/sigma)/Phi(mu/sigma) form, not the code's alpha form, to check it independently.</summary>
    private static double TruncatedNormalMean(double mu, double sigma) =>
        mu + sigma * StandardNormalPdf(mu / sigma) / StandardNormalCdf(mu / sigma);

    private static double TruncatedNormalVariance(double mu, double sigma)
    {
        double ratio = StandardNormalPdf(mu / sigma) / StandardNormalCdf(mu / sigma);
        return sigma * sigma * (1 - mu / sigma * ratio - ratio * ratio);
    }

    private static double StandardNormalPdf(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

    private static double StandardNormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));
}
