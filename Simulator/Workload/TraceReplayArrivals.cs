namespace HacaSim.Workload;

/// <summary>
/// Replays a recorded trace: each used row becomes one arrival carrying the row's token counts, at
/// (row time - startOffset) / timeScale. timeScale 2 plays the trace twice as fast (twice the load
/// with the same burst pattern). With <c>loop</c> the used rows repeat end to end for ever.
/// </summary>
public sealed class TraceReplayArrivals : IArrivalProcess
{
    private readonly TraceData _data;
    private readonly double _timeScale;
    private readonly double _startOffsetSeconds;
    private readonly int _firstRow;
    private readonly int _rowCount;
    private readonly bool _loop;
    private int _nextRow;
    private long _pass;

    /// <param name="data">The parsed trace.</param>
    /// <param name="timeScale">Speed-up factor (> 0): times are divided by it.</param>
    /// <param name="startOffsetSeconds">Skip rows before this trace time; the first used row plays at (its time - offset) / timeScale.</param>
    /// <param name="limit">Use at most this many rows (> 0), or all from the offset on.</param>
    /// <param name="loop">Repeat the used rows; the repeat starts one mean gap after the last row, so passes never overlap.</param>
    /// <summary>
    /// The same replay from its first row, over the same shared rows: to count or average a trace's arrivals (the
    /// capacity model, the resource limits) without advancing a replay that something else holds.
    /// </summary>
    public TraceReplayArrivals Restarted() => new(_data, _timeScale, _startOffsetSeconds, _rowCount, _loop);

    public TraceReplayArrivals(TraceData data, double timeScale = 1, double startOffsetSeconds = 0, int? limit = null, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        Require.PositiveFinite(timeScale, nameof(timeScale));
        Require.NonNegativeFinite(startOffsetSeconds, nameof(startOffsetSeconds));
        if (limit is <= 0)
            throw new ArgumentException($"limit must be > 0 rows, but was {limit}.", nameof(limit));

        ReadOnlySpan<double> times = data.TimesSeconds;
        int first = LowerBound(times, startOffsetSeconds);
        if (first == times.Length)
            throw new ArgumentException(
                $"startOffsetSeconds {Require.Show(startOffsetSeconds)} is after the last row of {data.Source} (at {Require.Show(times[^1])} s); no rows would be replayed.",
                nameof(startOffsetSeconds));
        int count = Math.Min(limit ?? int.MaxValue, times.Length - first);

        double spanSeconds = times[first + count - 1] - times[first];
        if (loop && !(spanSeconds > 0))
            throw new ArgumentException(
                $"looping needs at least two used rows with different times (the period is their span plus the mean gap), but the {count} used row(s) of {data.Source} span 0 s.",
                nameof(loop));
        // One used row has no gap: the period is then 0 and the mean rate infinite (a single burst).
        double meanGapSeconds = count > 1 ? spanSeconds / (count - 1) : 0;

        _data = data;
        _timeScale = timeScale;
        _startOffsetSeconds = startOffsetSeconds;
        _firstRow = first;
        _rowCount = count;
        _loop = loop;
        _nextRow = first;
        PeriodSeconds = (spanSeconds + meanGapSeconds) / timeScale;
        MeanRatePerSecond = PeriodSeconds > 0 ? count / PeriodSeconds : double.PositiveInfinity;
    }

    /// <summary>
    /// (span of the used rows + their mean gap) / timeScale: the loop period, which keeps the gap
    /// across the seam equal to the average gap instead of 0.
    /// </summary>
    public double PeriodSeconds { get; }

    /// <summary>Rows used / <see cref="PeriodSeconds"/>.</summary>
    public double MeanRatePerSecond { get; }

    /// <summary>Number of trace rows one pass replays (after offset and limit).</summary>
    public int RowsPerPass => _rowCount;

    public Arrival Next()
    {
        if (_nextRow == _firstRow + _rowCount)
        {
            if (!_loop) return Arrival.End;
            _nextRow = _firstRow;
            _pass++;
        }
        TraceRow row = _data[_nextRow++];
        // pass * period + offset time, not a running sum, so pass 1000 is as exact as pass 1.
        double time = _pass * PeriodSeconds + (row.TimeSeconds - _startOffsetSeconds) / _timeScale;
        return new Arrival(time, row.ContextTokens, row.GeneratedTokens);
    }

    /// <summary>The first index whose time is >= <paramref name="timeSeconds"/> (times are sorted).</summary>
    private static int LowerBound(ReadOnlySpan<double> times, double timeSeconds)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            int mid = low + (high - low) / 2;
            if (times[mid] < timeSeconds) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
