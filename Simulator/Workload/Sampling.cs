using System.Runtime.CompilerServices;

namespace HacaSim.Workload;

/// <summary>Advancing a clock by random gaps, shared by the Poisson-based processes.</summary>
internal static class Sampling
{
    /// <summary>
    /// An exponential gap with the given rate; +infinity for rate 0 (a silent state). Uses 1 - U so
    /// the logarithm's argument is in (0, 1] and the gap is always finite for a positive rate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExponentialGap(Random rng, double ratePerSecond) =>
        ratePerSecond > 0 ? -Math.Log(1.0 - Randomness.Draw.Unit(rng)) / ratePerSecond : double.PositiveInfinity;

    /// <summary>
    /// <paramref name="candidate"/>, or the next representable time after <paramref name="previous"/>
    /// if rounding (a tiny gap added to a large clock) or a zero draw would make them equal: the
    /// contract promises strictly increasing times, and a shift of one ulp is far below any model
    /// time scale.
    /// </summary>
    public static double StrictlyAfter(double previous, double candidate) =>
        candidate > previous ? candidate : Math.BitIncrement(previous);
}
