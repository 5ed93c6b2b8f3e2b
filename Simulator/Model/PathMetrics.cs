using System.Runtime.CompilerServices;
using HacaSim.Analysis.Statistics;

namespace HacaSim.Model;

/// <summary>Latency statistics of one verification path, for requests that arrived after the warm-up.</summary>
public sealed class PathMetrics
{
    // Result latency and time to trust share one statistic (TimeToTrust) while every request's two values were the same, in
    // the same order: a path whose proof lag is always zero (zero-cost signing and verification, instant settlement, no hop
    // latency: the M/M/c validation) recorded each value twice. A result waits in _pending until its request settles with
    // the same value; anything else (another result first, a different value, a read of ResultLatency) gives result latency
    // its own statistic: a copy of the shared one plus the pending value, exactly its observations in its order.
    private SampleStatistic? _resultLatency;
    private bool _hasPending;
    private double _pending;
    private long _pendingRequest;
    private readonly Lock _splitting = new();

    /// <summary>Requests that took this path (arrived after the warm-up).</summary>
    public long Count { get; set; }

    /// <summary>Arrival to result (the answer reaching the user).</summary>
    /// <remarks>Reading it ends the sharing (outputs may read from several threads: locked).</remarks>
    public SampleStatistic ResultLatency
    {
        get
        {
            lock (_splitting) return _resultLatency ?? Split();
        }
    }

    /// <summary>Result to final: how far the proof trails the answer.</summary>
    public SampleStatistic ProofLag { get; } = new();

    /// <summary>Arrival to final.</summary>
    public SampleStatistic TimeToTrust { get; } = new();

    // The same observations in completion order, for a batch-means interval when there is one replication.
    public BatchMeans ResultLatencyBatches { get; } = new();
    public BatchMeans ProofLagBatches { get; } = new();
    public BatchMeans TimeToTrustBatches { get; } = new();

    // Proof lags of requests finalised since the last time-series sample.
    internal double IntervalLagSum;
    internal long IntervalSettled;

    /// <summary>Records the result latency of request <paramref name="requestId"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void RecordResultLatency(long requestId, double seconds)
    {
        if (_resultLatency is null)
        {
            if (!_hasPending)
            {
                _hasPending = true;
                _pending = seconds;
                _pendingRequest = requestId;
                return;
            }
            lock (_splitting) Split(); // a second result before the first settled
        }
        _resultLatency!.Record(seconds);
    }

    /// <summary>Records the time to trust of request <paramref name="requestId"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void RecordTimeToTrust(long requestId, double seconds)
    {
        if (_resultLatency is null)
        {
            if (_hasPending && _pendingRequest == requestId && BitConverter.DoubleToInt64Bits(_pending) == BitConverter.DoubleToInt64Bits(seconds))
            {
                _hasPending = false; // the one value of both
                TimeToTrust.Record(seconds);
                return;
            }
            lock (_splitting) Split();
        }
        TimeToTrust.Record(seconds);
    }

    /// <summary>Result latency takes its own statistic: the shared observations, then the pending one.</summary>
    private SampleStatistic Split()
    {
        SampleStatistic own = SampleStatistic.CopyOf(TimeToTrust);
        if (_hasPending) own.Record(_pending);
        _hasPending = false;
        return _resultLatency = own;
    }
}
