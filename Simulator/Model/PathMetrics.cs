using HacaSim.Analysis.Statistics;

namespace HacaSim.Model;

/// <summary>Latency statistics of one verification path, for requests that arrived after the warm-up.</summary>
public sealed class PathMetrics
{
    /// <summary>Requests that took this path (arrived after the warm-up).</summary>
    public long Count { get; set; }

    /// <summary>Arrival to result (the answer reaching the user).</summary>
    public SampleStatistic ResultLatency { get; } = new();

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
}
