using System.Runtime.CompilerServices;
using MathNet.Numerics.Statistics;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Reads and writes the state of MathNet's <see cref="RunningStatistics"/> in place: its fields _n, _min, _max, _m1.._m4
/// (the members of the DataContract it declares). The type offers no other way to rebuild or copy an accumulator, and
/// re-deriving the state from Combine would round. Field access (UnsafeAccessor) instead of the DataContract serializer
/// keeps this free of reflection, so it works in the Native AOT binary (README "Performance") and costs no XML. MathNet
/// calls its contract ephemeral (no compatibility between versions), which fits: a saved state is only read back by the
/// same hacasim build (sharded runs check the tool version), and a test pins the field list
/// (SampleStatisticCopyTests).
/// </summary>
internal static class RunningMoments
{
    public static MomentsState Save(RunningStatistics m) =>
        new(Count(m), Min(m), Max(m), M1(m), M2(m), M3(m), M4(m));

    public static RunningStatistics Restore(MomentsState s)
    {
        var m = new RunningStatistics();
        Load(m, s);
        return m;
    }

    /// <summary>Makes <paramref name="to"/> hold exactly <paramref name="from"/>'s observations.</summary>
    public static void Copy(RunningStatistics from, RunningStatistics to) => Load(to, Save(from));

    private static void Load(RunningStatistics m, MomentsState s)
    {
        Count(m) = s.Count;
        Min(m) = s.Min;
        Max(m) = s.Max;
        M1(m) = s.M1;
        M2(m) = s.M2;
        M3(m) = s.M3;
        M4(m) = s.M4;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_n")]
    public static extern ref long Count(RunningStatistics moments);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_min")]
    public static extern ref double Min(RunningStatistics moments);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_max")]
    public static extern ref double Max(RunningStatistics moments);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_m1")]
    private static extern ref double M1(RunningStatistics moments);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_m2")]
    private static extern ref double M2(RunningStatistics moments);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_m3")]
    private static extern ref double M3(RunningStatistics moments);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_m4")]
    private static extern ref double M4(RunningStatistics moments);
}
