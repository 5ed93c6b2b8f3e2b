namespace HacaSim.Scenarios;

/// <summary>
/// Off-chain: each proof is verified by <see cref="Replication"/> distinct verification nodes; null means all
/// of them. On-chain (<see cref="Placement"/>): proofs are verified inside block execution by every validator.
/// </summary>
public sealed record VerificationConfig(int? Replication)
{
    public VerificationPlacement Placement { get; init; } = VerificationPlacement.Offchain;
}
