namespace HacaSim.Scenarios;

/// <summary>
/// Settlement on chain. Mode "blocks": ready items wait in the mempool for a block (proposed every
/// <see cref="BlockIntervalSeconds"/> at the earliest, at most <see cref="BlockCapacity"/> items and, when set,
/// <see cref="BlockGasLimit"/> gas), and a block is final after its execution and consensus. At most
/// <see cref="Pipeline"/> blocks are uncommitted at once (null: unbounded, the old overlapping model).
/// Consensus is linear (<see cref="ConsensusBaseSeconds"/> + <see cref="ConsensusPerValidatorSeconds"/> x
/// validators) unless <see cref="Consensus"/> says quorum. Mode "instant": final when verified.
/// <see cref="Validators"/> null means the verification pool's node count. <see cref="Synchronous"/>: the
/// answer is held until final.
/// </summary>
public sealed record SettlementConfig(
    SettlementMode Mode,
    double BlockIntervalSeconds,
    int BlockCapacity,
    double ConsensusBaseSeconds,
    double ConsensusPerValidatorSeconds,
    int? Validators,
    bool Synchronous)
{
    /// <summary>Blocks that may be uncommitted at once; 1 = one height at a time (CometBFT, QBFT); null = unbounded.</summary>
    public int? Pipeline { get; init; } = 1;

    /// <summary>The quorum model, or null for the linear one.</summary>
    public ConsensusConfig? Consensus { get; init; }

    public long? BlockGasLimit { get; init; }

    /// <summary>On-chain placement: the most verify time one block may hold (like a gas limit); null = no cap.</summary>
    public double? BlockExecutionBudgetSeconds { get; init; }

    public SettlementBatchConfig? Batch { get; init; }
    public MempoolOrder Order { get; init; } = MempoolOrder.Fifo;

    /// <summary>Items the mempool holds at most; beyond it an item fails with reason mempool_full. Null = no limit.</summary>
    public int? MempoolLimit { get; init; }
}
