namespace HacaSim.Capacity;

/// <summary>
/// The chain's offered load: settlement items per request (one per settled request) against its block
/// throughput (block_capacity / block_interval_s). Instant settlement has no capacity limit.
/// </summary>
public sealed record ChainLoad(double ItemsPerRequest, double CapacityItemsPerSecond, double Rho, double KneeArrivalRate, string Formula);
