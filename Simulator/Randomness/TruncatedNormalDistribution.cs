using MathNet.Numerics.Distributions;

namespace HacaSim.Randomness;

/// <summary>
/// A normal distribution truncated at zero by rejection, because a time cannot be negative and
/// clipping at zero would put a spike of mass there. Mean and variance are the truncated ones.
/// </summary>
public sealed class TruncatedNormalDistribution : IDistribution
{
    private readonly Normal _normal;

    public TruncatedNormalDistribution(double mean, double standardDeviation, Random rng)
    {
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "must be finite");
        if (!(standardDeviation > 0) || !double.IsFinite(standardDeviation))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "must be > 0");
        // Beyond 6 standard deviations below zero rejection would loop for ever; such a normal is no time.
        if (mean < -6 * standardDeviation)
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "a normal time needs mean > -6 standard deviations");
        _normal = new Normal(mean, standardDeviation, rng);
        double alpha = -mean / standardDeviation;
        double z = 1 - Normal.CDF(0, 1, alpha);
        double lambda = Normal.PDF(0, 1, alpha) / z;
        Mean = mean + standardDeviation * lambda;
        Variance = standardDeviation * standardDeviation * (1 + alpha * lambda - lambda * lambda);
    }

    public double Sample()
    {
        double x;
        do x = _normal.Sample(); while (x < 0);
        return x;
    }

    /// <summary>A draw of the same law from another stream (the equilibrium residual's rejection sampler).</summary>
    public double SampleWith(Random rng)
    {
        double x;
        do x = Normal.Sample(rng, _normal.Mean, _normal.StdDev); while (x < 0);
        return x;
    }

    /// <summary>The mean and standard deviation of the normal before truncation.</summary>
    public double Location => _normal.Mean;
    public double Scale => _normal.StdDev;

    public double Mean { get; }
    public double Variance { get; }
    public double Minimum => 0;
}
