using HacaSim.Randomness;

namespace HacaSim.Model;

/// <summary>Inference whose time is a distribution of its own (a classical model: 1-10 ms).</summary>
public sealed class FixedCostInference(IDistribution seconds) : IInferenceCost
{
    public double Draw(Request request) => seconds.Sample();
    public double MeanSeconds => seconds.Mean;
}
