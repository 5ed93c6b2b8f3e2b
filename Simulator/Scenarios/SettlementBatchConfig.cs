namespace HacaSim.Scenarios;

/// <summary>
/// Batched settlement (<c>settlement.batch</c>): ready items are grouped into one transaction under a Merkle
/// root, up to <see cref="MaxItems"/> or <see cref="MaxWaitSeconds"/> after the batch's first item, whichever
/// comes first. A batch's gas is <see cref="GasBase"/> + <see cref="GasPerItem"/> x items. With on-chain
/// verification and <see cref="Aggregated"/>, the batch carries one recursive proof: each ZK proof first
/// costs an aggregation job of <see cref="AggregateSeconds"/> on the prover pool, and the block verifies one
/// proof for the whole batch.
/// </summary>
public sealed record SettlementBatchConfig(int MaxItems, double MaxWaitSeconds, long GasBase, long GasPerItem, bool Aggregated, double AggregateSeconds);
