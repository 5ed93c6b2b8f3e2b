using MathNet.Numerics.Distributions;

namespace HacaSim.Randomness;

/// <summary>
/// Named constructors for the distributions a scenario can ask for, including the mean-and-CV forms
/// researchers think in. Parameters are validated by MathNet or here, with the reason in the message.
/// </summary>
public static class Distributions
{
    public static IDistribution Exponential(double mean, Random rng) =>
        new MathNetDistribution(new Exponential(1.0 / Positive(mean, "mean"), rng));

    public static IDistribution Deterministic(double value) => new DeterministicDistribution(value);

    public static IDistribution Uniform(double min, double max, Random rng)
    {
        if (!(max >= min)) throw new ArgumentException($"uniform needs min <= max (min {min}, max {max})");
        return min == max ? new DeterministicDistribution(min) : new MathNetDistribution(new ContinuousUniform(min, max, rng));
    }

    public static IDistribution Normal(double mean, double standardDeviation, Random rng) =>
        new TruncatedNormalDistribution(mean, standardDeviation, rng);

    public static IDistribution LogNormal(double mu, double sigma, Random rng) =>
        new MathNetDistribution(new LogNormal(mu, Positive(sigma, "sigma"), rng));

    /// <summary>Lognormal with the given mean and coefficient of variation (sigma^2 = ln(1 + cv^2)).</summary>
    public static IDistribution LogNormalFromMeanCv(double mean, double cv, Random rng)
    {
        Positive(mean, "mean");
        if (cv == 0) return new DeterministicDistribution(mean);
        double sigma2 = Math.Log(1 + Positive(cv, "cv") * cv);
        return LogNormal(Math.Log(mean) - sigma2 / 2, Math.Sqrt(sigma2), rng);
    }

    /// <summary>Lognormal pinned by its median and 99th percentile, the way latency sources are usually quoted.</summary>
    public static IDistribution LogNormalFromMedianP99(double median, double p99, Random rng)
    {
        Positive(median, "median");
        if (!(p99 > median)) throw new ArgumentException($"lognormal needs p99 > median (median {median}, p99 {p99})");
        double z99 = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.99);
        return LogNormal(Math.Log(median), Math.Log(p99 / median) / z99, rng);
    }

    public static IDistribution Gamma(double shape, double rate, Random rng) =>
        new MathNetDistribution(new Gamma(Positive(shape, "shape"), Positive(rate, "rate"), rng));

    /// <summary>Gamma with the given mean and coefficient of variation (shape = 1/cv^2).</summary>
    public static IDistribution GammaFromMeanCv(double mean, double cv, Random rng)
    {
        Positive(mean, "mean");
        if (cv == 0) return new DeterministicDistribution(mean);
        double shape = 1 / (Positive(cv, "cv") * cv);
        return Gamma(shape, shape / mean, rng);
    }

    public static IDistribution Weibull(double shape, double scale, Random rng) =>
        new MathNetDistribution(new Weibull(Positive(shape, "shape"), Positive(scale, "scale"), rng));

    public static IDistribution Empirical(IReadOnlyCollection<double> values, Random rng) => new EmpiricalDistribution(values, rng);

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0 and finite");
}
