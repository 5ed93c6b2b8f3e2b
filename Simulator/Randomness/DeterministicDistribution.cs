namespace HacaSim.Randomness;

/// <summary>Always the same value (M/D/1 service, fixed costs such as signing).</summary>
public sealed class DeterministicDistribution : IDistribution
{
    public DeterministicDistribution(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "must be finite");
        Mean = value;
    }

    public double Sample() => Mean;
    public double Mean { get; }
    public double Variance => 0;
    public double Minimum => Mean;
}
