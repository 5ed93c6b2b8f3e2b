using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>Costs of each verification path; all times are seconds on a speed-1 node, each a distribution (a bare number is deterministic).</summary>
public sealed record PathsConfig(ZkmlConfig Zkml, TeeConfig Tee, ZkCrvConfig ZkCrv, VanillaConfig Vanilla);

/// <summary>ZKML: proof time = <see cref="ProofOverheadFactor"/> x inference work, unless <see cref="ProofSeconds"/> is given.</summary>
public sealed record ZkmlConfig(double ProofOverheadFactor, ComponentSpec? ProofSeconds, ComponentSpec VerifySeconds)
{
    /// <summary>Gas of one settlement item on chain (verification + calldata + transaction base); also a challenged ZK-CRV item's.</summary>
    public long SettleGas { get; init; } = PathGasDefaults.Zkml;
}

/// <summary>TEE: inference slowed by <see cref="InferenceOverheadFactor"/> inside the enclave; attestation generated and verified.</summary>
public sealed record TeeConfig(double InferenceOverheadFactor, ComponentSpec AttestSeconds, ComponentSpec VerifySeconds)
{
    public long SettleGas { get; init; } = PathGasDefaults.Tee;
}

/// <summary>ZK-CRV: optimistic; a ZKML proof only when challenged; final no earlier than the window's end after the result.</summary>
public sealed record ZkCrvConfig(double ChallengeProbability, double ChallengeWindowSeconds, ComponentSpec VerifySeconds)
{
    /// <summary>Gas of an unchallenged item (a signed commitment); a challenged one pays ZKML's.</summary>
    public long SettleGas { get; init; } = PathGasDefaults.ZkCrv;
}

/// <summary>Vanilla: the node signs the result; verifiers check the signature.</summary>
public sealed record VanillaConfig(ComponentSpec SignSeconds, ComponentSpec VerifySeconds)
{
    public long SettleGas { get; init; } = PathGasDefaults.Vanilla;
}

/// <summary>
/// Off-chain: each proof is verified by <see cref="Replication"/> distinct verification nodes; null means all
/// of them. On-chain (<see cref="Placement"/>): proofs are verified inside block execution by every validator.
/// </summary>
public sealed record VerificationConfig(int? Replication)
{
    public VerificationPlacement Placement { get; init; } = VerificationPlacement.Offchain;
}

/// <summary>Data nodes: fetch time = <see cref="EnclaveOverheadFactor"/> x a draw of <see cref="ExternalLatency"/>.</summary>
public sealed record DataConfig(double EnclaveOverheadFactor, ComponentSpec ExternalLatency, double? TimeoutSeconds);

/// <summary>Latency of each hop between roles (data -> inference -> prover -> verification -> settlement).</summary>
public sealed record NetworkConfig(ComponentSpec HopLatency);
