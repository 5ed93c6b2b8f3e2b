using IDistribution = HacaSim.Randomness.IDistribution;
using MathNet.Numerics.Distributions;

namespace HacaSim.Tests.Workload;

/// <summary>Test-only gap distributions with known raw moments (the real ones live in Randomness/).</summary>
internal abstract class MomentDistribution : IDistribution
{
    public abstract double Sample();
    public double Mean => RawMoment(1);
    public double Variance => RawMoment(2) - Mean * Mean;
    public double Minimum => 0; // gaps are never negative

    /// <summary>E[X^k].</summary>
    public abstract double RawMoment(int k);
}

/// <summary>Gamma(shape, rate): E[X^k] = shape (shape+1) ... (shape+k-1) / rate^k.</summary>
internal sealed class GammaGaps(double shape, double rate, Random rng) : MomentDistribution
{
    private readonly Gamma _gamma = new(shape, rate, rng);

    public override double Sample() => _gamma.Sample();

    public override double RawMoment(int k)
    {
        double m = 1;
        for (int i = 0; i < k; i++) m *= (shape + i) / rate;
        return m;
    }

    public override string ToString() => $"Gamma(shape {shape}, rate {rate})";
}

/// <summary>Uniform(a, b): E[X^k] = (b^(k+1) - a^(k+1)) / ((k+1)(b-a)).</summary>
internal sealed class UniformGaps(double lower, double upper, Random rng) : MomentDistribution
{
    private readonly ContinuousUniform _uniform = new(lower, upper, rng);

    public override double Sample() => _uniform.Sample();

    public override double RawMoment(int k) =>
        (Math.Pow(upper, k + 1) - Math.Pow(lower, k + 1)) / ((k + 1) * (upper - lower));

    public override string ToString() => $"Uniform({lower}, {upper})";
}
