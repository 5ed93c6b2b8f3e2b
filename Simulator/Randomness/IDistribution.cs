namespace HacaSim.Randomness;

/// <summary>A non-negative-or-real random quantity drawn from one named stream.</summary>
public interface IDistribution
{
    /// <summary>Draws one value.</summary>
    double Sample();

    /// <summary>The exact mean of the distribution (used by policies and by tests against theory).</summary>
    double Mean { get; }

    /// <summary>The exact variance (PositiveInfinity where undefined).</summary>
    double Variance { get; }

    /// <summary>The smallest value it can give (a time or a token count must not be able to go below 0).</summary>
    double Minimum { get; }
}
