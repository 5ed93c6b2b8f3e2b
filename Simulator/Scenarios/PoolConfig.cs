namespace HacaSim.Scenarios;

/// <summary>
/// A pool of identical nodes. Each node has <see cref="Slots"/> parallel servers in front of its own queue;
/// <see cref="Dispatcher"/> picks the node for each job. The first <see cref="TeeCapableNodes"/> nodes can
/// serve the TEE path. <see cref="QueueCapacity"/> bounds waiting jobs per node (null: unbounded);
/// an arrival that finds it full fails with reason "rejected".
/// </summary>
public sealed record PoolConfig(
    string Name,
    int Nodes,
    int Slots,
    double Speed,
    int TeeCapableNodes,
    string Dispatcher,
    string Discipline,
    int? QueueCapacity)
{
    /// <summary>How a node shares its GPU between inference and proofs; null: as before the key existed (FIFO, a proof at full speed in one slot).</summary>
    public SharingConfig? Sharing { get; init; }

    /// <summary>Per-node queues (the default) or one central queue for the pool.</summary>
    public PoolQueue Queue { get; init; } = PoolQueue.PerNode;

    /// <summary>Set on a pool of <c>kind: tee_gateway</c> (enclave nodes calling an external LLM provider); null for compute nodes.</summary>
    public GatewayConfig? Gateway { get; init; }

    public bool IsGateway => Gateway is not null;
}
