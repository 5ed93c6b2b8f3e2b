using System.Runtime.CompilerServices;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Confidence interval for the steady-state mean of one long, autocorrelated run by the method of
/// batch means. Memory is bounded: at most 2 × targetBatches batch means are stored, and when that
/// buffer fills adjacent pairs are averaged so the batch size doubles (the fixed-memory
/// doubling of Fishman and Yarberry, 1997). Push the output only after the warm-up cut.
/// </summary>
public sealed class BatchMeans
{
    /// <summary>
    /// Batches whose lag-1 autocorrelation exceeds this are merged further before the interval is
    /// built; 0.2 is the usual rule-of-thumb threshold for "approximately independent" batches.
    /// </summary>
    public const double AutocorrelationThreshold = 0.2;

    /// <summary>Merging stops once this many batches or fewer remain, so the t interval keeps some degrees of freedom.</summary>
    public const int MinimumBatchesForMerging = 10;

    private readonly double[] _stored;
    private readonly double[] _used;
    private int _storedCount;
    private long _storedBatchSize = 1;
    private double _partialSum;
    private long _partialCount;

    // The batches the interval uses depend only on the data, so they are recomputed lazily after
    // a Push; both buffers are allocated once here, keeping Push and the diagnostics allocation-free.
    private bool _usedIsStale = true;
    private int _usedCount;
    private long _usedBatchSize;
    private double _usedLag1;

    /// <param name="targetBatches">Batches kept between doublings: between targetBatches and 2 × targetBatches are stored.</param>
    public BatchMeans(int targetBatches = 32)
    {
        if (targetBatches < 2)
            throw new ArgumentOutOfRangeException(nameof(targetBatches), targetBatches, "Need at least 2 target batches.");
        _stored = new double[2 * targetBatches];
        _used = new double[2 * targetBatches];
    }

    /// <summary>Number of observations pushed.</summary>
    public long Count { get; private set; }

    /// <summary>Observations per batch in the batches <see cref="Interval"/> uses.</summary>
    public long BatchSize { get { RefreshUsed(); return _usedBatchSize; } }

    /// <summary>Number of batches <see cref="Interval"/> uses (complete batches only).</summary>
    public int BatchCount { get { RefreshUsed(); return _usedCount; } }

    /// <summary>Lag-1 autocorrelation of the batch means <see cref="Interval"/> uses; NaN with fewer than 2 batches or constant means.</summary>
    public double Lag1Autocorrelation { get { RefreshUsed(); return _usedLag1; } }

    /// <summary>Adds one observation. Does not allocate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(double x)
    {
        Count++;
        _usedIsStale = true;
        _partialSum += x;
        _partialCount++;
        if (_partialCount < _storedBatchSize)
            return;

        _stored[_storedCount++] = _partialSum / _storedBatchSize;
        _partialSum = 0;
        _partialCount = 0;
        if (_storedCount == _stored.Length)
        {
            _storedCount = MergePairs(_stored, _storedCount);
            _storedBatchSize *= 2;
        }
    }

    /// <summary>The exact state, to write one replication's batches and restore them in another process.</summary>
    public BatchMeansState Save() =>
        new(_stored.Length / 2, Count, _stored[.._storedCount], _storedBatchSize, _partialSum, _partialCount);

    /// <summary>Replaces this instance's observations by a saved state (which must have the same target batch count).</summary>
    public void Load(BatchMeansState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.TargetBatches * 2 != _stored.Length || state.StoredMeans.Count > _stored.Length)
            throw new ArgumentException($"saved batch means have {state.TargetBatches} target batches and {state.StoredMeans.Count} stored; this instance has {_stored.Length / 2} target batches", nameof(state));
        Count = state.Count;
        _storedCount = state.StoredMeans.Count;
        for (int i = 0; i < _storedCount; i++) _stored[i] = state.StoredMeans[i];
        _storedBatchSize = state.StoredBatchSize;
        _partialSum = state.PartialSum;
        _partialCount = state.PartialCount;
        _usedIsStale = true;
    }

    /// <summary>
    /// Student-t interval over the batch means, after merging pairs of batches while their lag-1
    /// autocorrelation exceeds <see cref="AutocorrelationThreshold"/> and more than
    /// <see cref="MinimumBatchesForMerging"/> batches remain. The observations of an incomplete
    /// last batch are left out. HalfWidth is NaN with fewer than 2 batches.
    /// </summary>
    public ConfidenceInterval Interval(double level = 0.95)
    {
        ConfidenceInterval.ValidateLevel(level);
        RefreshUsed();
        return ConfidenceInterval.FromSamples(new ArraySegment<double>(_used, 0, _usedCount), level);
    }

    private void RefreshUsed()
    {
        if (!_usedIsStale)
            return;
        Array.Copy(_stored, _used, _storedCount);
        int count = _storedCount;
        long batchSize = _storedBatchSize;
        double lag1 = Lag1(_used, count);
        while (lag1 > AutocorrelationThreshold && count > MinimumBatchesForMerging)
        {
            count = MergePairs(_used, count);
            batchSize *= 2;
            lag1 = Lag1(_used, count);
        }
        _usedCount = count;
        _usedBatchSize = batchSize;
        _usedLag1 = lag1;
        _usedIsStale = false;
    }

    /// <summary>
    /// Averages adjacent pairs in place and returns the new count. With an odd count the last
    /// (newest) batch has no partner and is dropped: it is only ever used by the interval copy,
    /// never by the stored buffer, which is always even when full.
    /// </summary>
    private static int MergePairs(double[] means, int count)
    {
        int pairs = count / 2;
        for (int i = 0; i < pairs; i++)
            means[i] = 0.5 * (means[2 * i] + means[2 * i + 1]);
        return pairs;
    }

    /// <summary>Standard lag-1 sample autocorrelation: sum of lagged cross-products over the sum of squares.</summary>
    private static double Lag1(double[] values, int count)
    {
        if (count < 2)
            return double.NaN;
        double sum = 0;
        for (int i = 0; i < count; i++)
            sum += values[i];
        double mean = sum / count;
        double squares = 0;
        double cross = 0;
        for (int i = 0; i < count; i++)
        {
            double deviation = values[i] - mean;
            squares += deviation * deviation;
            if (i + 1 < count)
                cross += deviation * (values[i + 1] - mean);
        }
        return squares > 0 ? cross / squares : double.NaN;
    }
}
