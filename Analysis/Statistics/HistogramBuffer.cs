using System.Numerics;
using System.Runtime.CompilerServices;
using HdrHistogram;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Bucket counts in exactly HdrHistogram's layout for values from 1 to <see cref="SampleStatistic.HighestTrackableMicroseconds"/>
/// at <see cref="SampleStatistic.SignificantDigits"/> digits, in a plain array that covers only the buckets up to the largest
/// value seen: what a <see cref="SampleStatistic"/> records into during a run. Quantiles are read from it directly; saved
/// states and merges move its counts into an HdrHistogram (<see cref="AddTo"/>).
/// </summary>
/// <remarks>
/// Why: a run records ~8 samples per request (issue 19: an M/M/4 customer's latencies, waits and services), and
/// <see cref="HistogramBase.RecordValue"/> costs two virtual calls (the count increment, and the total count the caller
/// checks for its 32-bit limit) around a software leading-zero count; here it is the hardware's leading-zero count and one
/// increment. And a full-range histogram is 31,744 counters (127 KB of int, on the large-object heap) made, zeroed at the
/// warm-up cut and faulted in per statistic and replication, though a statistic holding milliseconds to minutes touches
/// about a third of them: the array starts at <see cref="InitialBlocks"/> blocks of 1,024 counters (24 KB) and grows to the
/// block of the largest index seen (the index rises with the value).
/// The index arithmetic is HistogramBase's (GetBucketIndex, GetSubBucketIndex, CountsArrayIndex, with unit magnitude 0
/// since the lowest trackable value is 1), the quantile walk is GetValueAtPercentile's, and each bucket's count goes into
/// an HdrHistogram at the bucket's lowest value, which it maps to the same bucket: quantiles, saved states and merges are
/// those of recording directly (tests compare bucket by bucket and quantile by quantile with a LongHistogram).
/// </remarks>
internal sealed class HistogramBuffer
{
    // HistogramBase's geometry for lowest 1, highest 1e12 and 3 digits: 2 * 10^3 = 2,000 values need 2^11 sub-buckets,
    // half of them (1,024) per bucket after the first; 30 buckets reach 1e12 (2,047 << 29 > 1e12). Constants, not static
    // readonly fields computed from those numbers: in the Native AOT binary every read of such a field in Add costs a
    // check that the class's static constructor has run and a load (the JIT folds them to constants once the class is
    // initialised). A test computes each from SignificantDigits and HighestTrackableMicroseconds as HistogramBase does.
    internal const int SubBucketHalfCountMagnitude = 10; // ceil(log2(2 * 10^SignificantDigits)) - 1
    internal const int SubBucketHalfCount = 1 << SubBucketHalfCountMagnitude;
    internal const long SubBucketMask = (2L << SubBucketHalfCountMagnitude) - 1;
    internal const int BucketIndexOffset = 64 - (SubBucketHalfCountMagnitude + 1);

    /// <summary>Length of the full counts array: HistogramBase's CountsArrayLength for this geometry (31,744).</summary>
    internal const int Length = (30 + 1) * SubBucketHalfCount; // 30 = BucketsToCover(HighestTrackableMicroseconds)

    /// <summary>Blocks of 1,024 counters a new buffer has: values below 2,047 << 4 µs (33 ms) without growing, 24 KB.</summary>
    internal const int InitialBlocks = 6;

    private int[] _counts = new int[InitialBlocks << SubBucketHalfCountMagnitude];

    /// <summary>Values recorded since the last <see cref="Clear"/>.</summary>
    public int Total { get; private set; }

    /// <summary>Counters allocated so far (for tests).</summary>
    internal int Capacity => _counts.Length;

    /// <summary>Counts one value in [0, highest trackable]; the caller keeps <see cref="Total"/> below int.MaxValue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long value)
    {
        int index = IndexOf(value);
        if (index >= _counts.Length) Grow(index);
        _counts[index]++;
        Total++;
    }

    /// <summary>An independent buffer with the same counts (<see cref="SampleStatistic.CopyOf"/>).</summary>
    public HistogramBuffer Copy() => new() { _counts = (int[])_counts.Clone(), Total = Total };

    private void Grow(int index) =>
        Array.Resize(ref _counts, Math.Min(Length, ((index >> SubBucketHalfCountMagnitude) + 1) << SubBucketHalfCountMagnitude));

    /// <summary>Adds every count to <paramref name="histogram"/> (same buckets); this buffer is left as it was.</summary>
    public void AddTo(HistogramBase histogram)
    {
        if (Total == 0) return;
        for (int i = 0; i < _counts.Length; i++)
            if (_counts[i] != 0) histogram.RecordValueWithCount(LowestValue(i), _counts[i]);
    }

    /// <summary>
    /// HistogramBase.GetValueAtPercentile on these counts: the highest value of the first bucket at which the running count
    /// reaches round(p% of the total), at least 1. Needs <see cref="Total"/> &gt; 0.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        double requested = Math.Min(percentile, 100.0);
        long countAtPercentile = Math.Max((long)((requested / 100.0 * Total) + 0.5), 1);
        long running = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            running += _counts[i];
            if (running >= countAtPercentile) return HighestValue(i);
        }
        throw new InvalidOperationException("percentile not found: the buffer is empty");
    }

    /// <summary>Forgets every count (a warm-up cut).</summary>
    public void Clear()
    {
        if (Total == 0) return;
        Array.Clear(_counts);
        Total = 0;
    }

    /// <summary>The bucket a value in [0, highest trackable] falls in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexOf(long value)
    {
        int bucket = BucketIndexOffset - BitOperations.LeadingZeroCount((ulong)(value | SubBucketMask));
        return ((bucket + 1) << SubBucketHalfCountMagnitude) + ((int)(value >> bucket) - SubBucketHalfCount);
    }

    /// <summary>The lowest value of bucket <paramref name="index"/> (HistogramBase.ValueFromIndex).</summary>
    internal static long LowestValue(int index)
    {
        int bucket = BucketOf(index);
        int subBucket = (index & (SubBucketHalfCount - 1)) + SubBucketHalfCount;
        if ((index >> SubBucketHalfCountMagnitude) == 0) subBucket -= SubBucketHalfCount;
        return (long)subBucket << bucket;
    }

    /// <summary>The highest value of bucket <paramref name="index"/> (HdrHistogram's HighestEquivalentValue of its lowest value).</summary>
    internal static long HighestValue(int index) => LowestValue(index) + (1L << BucketOf(index)) - 1;

    private static int BucketOf(int index) => Math.Max((index >> SubBucketHalfCountMagnitude) - 1, 0);

    // HistogramBase.GetBucketsNeededToCoverValue with unit magnitude 0.
    internal static int BucketsToCover(long value)
    {
        long trackable = (2L << SubBucketHalfCountMagnitude) - 1;
        int buckets = 1;
        while (trackable < value && trackable > 0)
        {
            trackable <<= 1;
            buckets++;
        }
        return buckets;
    }
}
