using MathNet.Numerics.Statistics;
using HacaSim.Randomness;

namespace HacaSim.Capacity;

/// <summary>Mean and second moment of a non-negative work quantity (seconds or tokens).</summary>
public readonly record struct Moments(double Mean, double SecondMoment)
{
    public static Moments Of(IDistribution d) =>
        new(d.Mean, d.Mean * d.Mean + (double.IsFinite(d.Variance) ? d.Variance : 0));

    public static Moments FromSample(RunningStatistics m) => new(m.Mean, m.Mean * m.Mean + (m.Count > 1 ? m.PopulationVariance : 0));

    public double Variance => Math.Max(0, SecondMoment - Mean * Mean);

    public Moments Scale(double factor) => new(Mean * factor, SecondMoment * factor * factor);

    /// <summary>The product with an independent quantity (output tokens x time per token).</summary>
    public Moments TimesIndependent(Moments other) => new(Mean * other.Mean, SecondMoment * other.SecondMoment);

    /// <summary>The sum with an independent quantity.</summary>
    public Moments PlusIndependent(Moments other) =>
        new(Mean + other.Mean, Variance + other.Variance + (Mean + other.Mean) * (Mean + other.Mean));
}
