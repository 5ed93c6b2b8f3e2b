using System.Runtime.CompilerServices;

namespace HacaSim.Randomness;

/// <summary>
/// One sample of a distribution, with the two laws of nearly every per-request draw called directly: a constant (a
/// zero-second signature, hop or verification) and MathNet's (an exponential service time). The same value, from the same
/// stream, as <see cref="IDistribution.Sample"/>.
/// </summary>
/// <remarks>
/// Why: the Native AOT binary has no profile to guard and inline an interface call, so each sample was an interface
/// dispatch, four to six per request of an M/M/c run through the HACA model; a type check against a sealed class is one
/// compare, and the constant is then a field load.
/// </remarks>
public static class Draw
{
    /// <summary>
    /// A uniform draw in [0, 1) from <paramref name="stream"/>: <see cref="Xoshiro256StarStar.NextDouble"/> called directly
    /// (and inlined) when the stream is ours, as every stream of a run is (<see cref="RandomStreams.Stream"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Unit(Random stream) => stream is Xoshiro256StarStar ours ? ours.NextDouble() : stream.NextDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double From(IDistribution distribution) => distribution switch
    {
        DeterministicDistribution constant => constant.Mean,
        MathNetDistribution law => law.Sample(),
        _ => distribution.Sample(),
    };
}
