using MathNet.Numerics.Distributions;

namespace HacaSim.Randomness;

/// <summary>Adapts a MathNet.Numerics continuous distribution (exponential, uniform, lognormal, gamma, Weibull).</summary>
public sealed class MathNetDistribution : IDistribution
{
    private readonly IContinuousDistribution _inner;

    public MathNetDistribution(IContinuousDistribution inner) => _inner = inner;

    /// <summary>The wrapped law, for samplers that need its parameters (the equilibrium residual).</summary>
    public IContinuousDistribution Inner => _inner;

    public double Sample() => _inner.Sample();
    public double Mean => _inner.Mean;
    public double Variance => _inner.Variance;
    public double Minimum => _inner.Minimum;
    public override string ToString() => _inner.ToString() ?? _inner.GetType().Name;
}
