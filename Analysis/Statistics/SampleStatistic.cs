using System.Runtime.CompilerServices;
using HdrHistogram;
using HdrHistogram.Iteration;
using MathNet.Numerics.Statistics;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Streaming summary of independent observations in seconds (latencies, waiting times): exact
/// count, mean, sample variance, min and max from MathNet's <see cref="RunningStatistics"/>, and
/// quantiles from an HdrHistogram in whole microseconds (relative error at most 0.1%).
/// Memory does not grow with the number of observations.
/// </summary>
/// <remarks>
/// Mean and variance accept any finite value, negative included. The histogram only covers
/// values &gt;= 0: a negative value is recorded as 0 µs, so quantiles treat it as 0. Values above
/// 1e12 µs (about 11.6 days) are recorded at that cap; <see cref="Max"/> stays exact.
/// </remarks>
public sealed class SampleStatistic
{
    /// <summary>Histogram range cap in microseconds: 1e12 µs ≈ 11.6 days, far beyond any latency we model.</summary>
    public const long HighestTrackableMicroseconds = 1_000_000_000_000L;

    /// <summary>Three significant digits bound the quantile error to 0.1% of the value.</summary>
    public const int SignificantDigits = 3;

    private const double MicrosecondsPerSecond = 1e6;

    private RunningStatistics _moments = new();

    // One LongHistogram with this range and precision holds 31,744 long counters:
    // GetEstimatedFootprintInBytes() reports 254,464 bytes (~250 KB; ~280 KB allocated in total).
    // A few hundred eager instances would be ~75 MB, so nothing is allocated before the first Record or Merge:
    // statistics that never see a value cost a few dozen bytes. Recording goes to a HistogramBuffer (the same buckets
    // in an int array covering only the values seen so far); a histogram is made only when something is merged into
    // this statistic, it is loaded, or its state is saved: first an IntHistogram (32-bit counters, half the memory), which
    // becomes a LongHistogram (counts copied bucket by bucket) before its total could overflow a counter and before
    // anything is merged into it. Quantiles, saved states and merges read only bucket counts, which are the same in
    // all three, so every output is the same.
    private HistogramBase? _histogram;

    /// <summary>Number of observations.</summary>
    public long Count => _moments.Count;

    /// <summary>Arithmetic mean; NaN with no observations.</summary>
    public double Mean => _moments.Mean;

    /// <summary>Sample variance (divisor n-1); NaN with fewer than two observations.</summary>
    public double Variance => _moments.Variance;

    /// <summary>Smallest observation (exact); NaN with no observations.</summary>
    public double Min => _moments.Minimum;

    /// <summary>Largest observation (exact); NaN with no observations.</summary>
    public double Max => _moments.Maximum;

    /// <summary>Adds one observation in seconds. Allocates only on the first call and when a value beyond those seen needs more buckets.</summary>
    /// <remarks>
    /// Inlined at each call site: a zero goes to <see cref="RecordZero"/>, anything else to <see cref="RecordValue"/>, so each
    /// has a profile of its own (a zero in a statistic that only ever saw zeros skips the moment arithmetic, and the
    /// JIT keeps MathNet's Push inlined in RecordValue: with both kinds in one method its call site was too cold to inline).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(double value)
    {
        if (value == 0) RecordZero(value);
        else RecordValue(value);
    }

    private void RecordValue(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "Observations must be finite.");
        _moments.Push(value);
        HistogramBuffer buffer = _buffer ??= new HistogramBuffer();
        buffer.Add(ToMicroseconds(value));
        if (buffer.Total >= BufferLimit) Settle(); // no buffered count may reach int.MaxValue
    }

    /// <summary>
    /// <paramref name="zero"/> (+0 or -0) recorded as <see cref="RecordValue"/> would, without the arithmetic of MathNet's
    /// <see cref="RunningStatistics.Push"/> when every value so far was a zero: every moment update Push would then make is
    /// +0 or -0 added to +0 (m1..m4 stay +0), the minimum and maximum (the first value, +0 or -0) stay, and only the count
    /// moves. Why: an M/M/c run through the HACA model records four statistics per customer that are always 0 (the free
    /// verifier's wait and zero-second service, the proof lag and the instant settlement's finality), each a division and
    /// two dozen multiplications.
    /// </summary>
    private void RecordZero(double zero)
    {
        RunningStatistics m = _moments;
        ref long n = ref RunningMoments.Count(m);
        if (n > 0 && RunningMoments.Min(m) == 0 && RunningMoments.Max(m) == 0 && _buffer is { } buffer && buffer.Total < BufferLimit - 1)
        {
            n++;
            buffer.Add(0);
        }
        else RecordValue(zero);
    }

    /// <summary>
    /// An independent statistic holding exactly <paramref name="source"/>'s observations: its moments field by field, its
    /// buffered counts and its histogram as they are, so every output (quantiles, saved state, merges) is the same as if
    /// each observation had been recorded into both. For a statistic that shared another's observations while they were
    /// the same (a single class's time to trust and its path's: RunMetrics) and now goes its own way.
    /// </summary>
    public static SampleStatistic CopyOf(SampleStatistic source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = new SampleStatistic(source._intCountLimit);
        lock (source._reading)
        {
            RunningMoments.Copy(source._moments, copy._moments);
            copy._buffer = source._buffer?.Copy();
            copy._histogram = source._histogram?.Copy();
        }
        return copy;
    }

    // Values are counted in a buffer in HdrHistogram's layout (HistogramBuffer: why). Quantiles of a statistic that only
    // recorded are read from it; a merge reads it into the target; a saved state, a merge into this statistic and a load
    // first move it into _histogram (Settle). The counts are always those of _histogram plus those of _buffer.
    private HistogramBuffer? _buffer;
    private const int BufferLimit = int.MaxValue - 1;

    /// <summary>
    /// Moves the buffered counts into the histogram: an IntHistogram made on first use as before, widened first when its total
    /// would pass the 32-bit limit. The buffer is then dropped; the next Record makes one.
    /// </summary>
    /// <remarks>Readers may run on several threads at once (output writers reading one replication): every reader holds
    /// <see cref="_reading"/> while it looks at the counts, so none sees them half moved.</remarks>
    private void Settle()
    {
        lock (_reading) SettleLocked();
    }

    private void SettleLocked()
    {
        if (_buffer is not { } buffer) return;
        if (buffer.Total > 0)
        {
            _histogram ??= new IntHistogram(HighestTrackableMicroseconds, SignificantDigits);
            if (_histogram.TotalCount + buffer.Total > _intCountLimit) Widen();
            buffer.AddTo(_histogram);
        }
        _buffer = null;
    }

    private readonly Lock _reading = new();

    // A total this large moves the counts to 64 bits before the next value (no 32-bit bucket can overflow below it).
    private readonly long _intCountLimit = int.MaxValue - 1;

    public SampleStatistic()
    {
    }

    /// <summary>For tests: widen to 64-bit counts at a small total instead of at int.MaxValue.</summary>
    internal SampleStatistic(long intCountLimit) => _intCountLimit = intCountLimit;

    /// <summary>True while the counts are 32-bit (for tests).</summary>
    internal bool HasIntCounts
    {
        get
        {
            Settle();
            return _histogram is IntHistogram;
        }
    }

    /// <summary>Moves the counts into a LongHistogram (same buckets): before they could overflow, and before a merge adds to them.</summary>
    private void Widen()
    {
        if (_histogram is not IntHistogram narrow) return;
        LongHistogram wide = CreateHistogram();
        wide.Add(narrow);
        _histogram = wide;
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile (p in [0, 1]) in seconds, from the histogram: the value of
    /// rank round(p·n), at least 1, in sorted order (HdrHistogram's definition). HdrHistogram
    /// reports the upper edge of that value's bucket, so the result may overstate by up to 0.1%; it is
    /// clamped to [<see cref="Min"/>, <see cref="Max"/>], which makes Quantile(1) == Max.
    /// NaN with no observations.
    /// </summary>
    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "Quantile probability must be in [0, 1].");
        long micros;
        lock (_reading)
        {
            if (_histogram is null)
            {
                // Only recorded (a replication's statistic): read the buffer, without making a histogram.
                if (_buffer is not { Total: > 0 } buffer) return double.NaN;
                micros = buffer.ValueAtPercentile(p * 100);
            }
            else
            {
                SettleLocked();
                if (_histogram.TotalCount == 0) return double.NaN;
                micros = _histogram.GetValueAtPercentile(p * 100);
            }
        }
        return Math.Clamp(micros / MicrosecondsPerSecond, Min, Max);
    }

    /// <summary>Forgets all observations (warm-up cut). Keeps the histogram's memory for reuse.</summary>
    public void Reset()
    {
        _moments = new RunningStatistics();
        _buffer?.Clear();
        _histogram?.Reset();
    }

    /// <summary>
    /// Adds all of <paramref name="other"/>'s observations to this one, exactly as if they had been
    /// recorded here: histogram counts are added and the moments combined with the parallel
    /// (Chan et al.) formula via <see cref="RunningStatistics.Combine"/>.
    /// </summary>
    public void Merge(SampleStatistic other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Settle();
        _moments = RunningStatistics.Combine(_moments, other._moments);
        lock (other._reading)
        {
            if (other._histogram is null && other._buffer is null)
                return;
            // Merging into itself would read counts while adding to them; copy first (a settled statistic has no buffer).
            HistogramBase? source = ReferenceEquals(other, this) ? other._histogram!.Copy() : other._histogram;
            Widen(); // a merged total may exceed what 32-bit counters hold
            _histogram ??= CreateHistogram();
            if (source is not null) _histogram.Add(source);
            other._buffer?.AddTo(_histogram); // the other's recorded counts, read where they are
        }
    }

    /// <summary>
    /// The exact state (moments and histogram buckets), so a replication's statistics can be written by one
    /// process and merged by another with the same result as merging them in memory (sharded experiments).
    /// </summary>
    public SampleStatisticState Save() => new(RunningMoments.Save(_moments), Buckets());

    /// <summary>
    /// The histogram's non-empty buckets in ascending order, each at the highest value it holds, as <see cref="Save"/> stores
    /// them. Apart from Save because reading the moments goes through MathNet's DataContract (XML) serialisation, which
    /// readers of the buckets alone (<see cref="QuantileCurve"/>: a run's CDF chart) need not pay.
    /// </summary>
    internal List<(long Value, long Count)> Buckets()
    {
        var buckets = new List<(long Value, long Count)>();
        lock (_reading)
        {
            SettleLocked();
            if (_histogram is not null)
                foreach (HistogramIterationValue v in _histogram.RecordedValues()) buckets.Add((v.ValueIteratedTo, v.CountAtValueIteratedTo));
        }
        return buckets;
    }

    /// <summary>
    /// Replaces this statistic's observations by a saved state. Re-recording each bucket's count at the
    /// bucket's value puts it in the same bucket, so quantiles and later merges are exact.
    /// </summary>
    public void Load(SampleStatisticState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _moments = RunningMoments.Restore(state.Moments);
        _buffer = null; // replaced, like the histogram's counts
        if (_histogram is IntHistogram) _histogram = null; // a saved state's counts may need 64 bits
        _histogram?.Reset();
        foreach (var (value, count) in state.Buckets) (_histogram ??= CreateHistogram()).RecordValueWithCount(value, count);
    }

    private static LongHistogram CreateHistogram() => new(HighestTrackableMicroseconds, SignificantDigits);

    private static long ToMicroseconds(double seconds)
    {
        double micros = Math.Round(seconds * MicrosecondsPerSecond, MidpointRounding.AwayFromZero);
        if (micros <= 0)
            return 0;
        return micros >= HighestTrackableMicroseconds ? HighestTrackableMicroseconds : (long)micros;
    }
}
