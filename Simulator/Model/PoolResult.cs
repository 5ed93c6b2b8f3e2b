using HacaSim.Analysis.Statistics;

namespace HacaSim.Model;

/// <summary>One pool's measurements in one replication (after the warm-up).</summary>
public sealed record PoolResult(
    string Name,
    int Nodes,
    int Slots,
    double Utilization,
    double QueueLength,
    double InService,
    SampleStatistic Wait,
    SampleStatistic Service,
    StabilityVerdict Stability,
    double Availability = 1)
{
    /// <summary>The waits in service-start order (after the warm-up), for a batch-means interval.</summary>
    public BatchMeans? WaitBatches { get; init; }
}
