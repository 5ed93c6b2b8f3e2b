namespace HacaSim.Capacity;

/// <summary>
/// The offered load of one pool, from the scenario alone. Work is in seconds on a speed-1 slot, per
/// arriving request (averaged over class mix, path mix, data share, TEE overhead, replication factor,
/// challenge rate and colocated proofs). <see cref="Rho"/> = arrival rate x work per request /
/// <see cref="CapacityWorkPerSecond"/>: for a pool of independent slots it is the utilisation a stable
/// run must measure; for a batching GPU pool it is the share of the full-batch throughput.
/// </summary>
public sealed record PoolLoad(
    string Name,
    IReadOnlyList<string> Roles,
    int Nodes,
    int Slots,
    double CapacityWorkPerSecond,
    double WorkPerRequestSeconds,
    IReadOnlyDictionary<string, double> WorkByStage,
    double JobsPerRequest,
    double ServiceScv,
    double Rho,
    double? TeeRho,
    double KneeArrivalRate,
    bool Batching)
{
    /// <summary>On a tee_gateway pool: provider calls per second / provider_rps (the provider's rate limit as a second server).</summary>
    public double? ProviderRho { get; init; }

    /// <summary>The constraint that binds: the whole pool, its TEE-capable nodes for TEE inference, or a gateway's provider rate limit.</summary>
    public double BindingRho => Math.Max(Math.Max(Rho, TeeRho ?? 0), ProviderRho ?? 0);

    /// <summary>Service completions per second at full load (jobs/s), for the heavy-traffic relaxation time.</summary>
    public double JobCapacityPerSecond => JobsPerRequest > 0 ? CapacityWorkPerSecond * JobsPerRequest / WorkPerRequestSeconds : double.PositiveInfinity;
}
