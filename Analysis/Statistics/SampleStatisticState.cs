namespace HacaSim.Analysis.Statistics;

/// <summary>A <see cref="SampleStatistic"/>'s exact state: its moments and its histogram as (bucket value, count) pairs.</summary>
public sealed record SampleStatisticState(MomentsState Moments, IReadOnlyList<(long Value, long Count)> Buckets);

/// <summary>
/// MathNet's running moments as they are stored: count, min, max and the central moment sums M1..M4.
/// M3 and M4 are kept too: <see cref="MathNet.Numerics.Statistics.RunningStatistics.Combine"/> reads them, and
/// a restored accumulator must combine exactly like the original.
/// </summary>
public sealed record MomentsState(long Count, double Min, double Max, double M1, double M2, double M3, double M4);
