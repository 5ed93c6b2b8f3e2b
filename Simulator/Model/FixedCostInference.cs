using System.Runtime.CompilerServices;
using HacaSim.Randomness;

namespace HacaSim.Model;

/// <summary>Inference whose time is a distribution of its own (a classical model: 1-10 ms).</summary>
public sealed class FixedCostInference(IDistribution seconds) : IInferenceCost
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Draw(Request request) => Randomness.Draw.From(seconds);
    public double MeanSeconds => seconds.Mean;
}
