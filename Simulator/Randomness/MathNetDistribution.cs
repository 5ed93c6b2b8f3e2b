using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace HacaSim.Randomness;

/// <summary>Adapts a MathNet.Numerics continuous distribution (exponential, uniform, lognormal, gamma, Weibull).</summary>
public sealed class MathNetDistribution : IDistribution
{
    private readonly IContinuousDistribution _inner;

    // The law when it is MathNet's exponential (service times and gaps of every M/M/c scenario), for a direct call: a
    // sample is otherwise an interface dispatch in the Native AOT binary, which has no profile to guard and inline it.
    private readonly Exponential? _exponential;

    public MathNetDistribution(IContinuousDistribution inner)
    {
        _inner = inner;
        _exponential = inner as Exponential;
    }

    /// <summary>The wrapped law, for samplers that need its parameters (the equilibrium residual).</summary>
    public IContinuousDistribution Inner => _inner;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample() => _exponential is not null ? _exponential.Sample() : _inner.Sample();
    public double Mean => _inner.Mean;
    public double Variance => _inner.Variance;
    public double Minimum => _inner.Minimum;
    public override string ToString() => _inner.ToString() ?? _inner.GetType().Name;
}
