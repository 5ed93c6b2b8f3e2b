using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>Costs of each verification path; all times are seconds on a speed-1 node, each a distribution (a bare number is deterministic).</summary>
public sealed record PathsConfig(ZkmlConfig Zkml, TeeConfig Tee, ZkCrvConfig ZkCrv, VanillaConfig Vanilla);

/// <summary>ZKML: proof time = <see cref="ProofOverheadFactor"/> x inference work, unless <see cref="ProofSeconds"/> is given.</summary>
public sealed record ZkmlConfig(double ProofOverheadFactor, ComponentSpec? ProofSeconds, ComponentSpec VerifySeconds);

/// <summary>TEE: inference slowed by <see cref="InferenceOverheadFactor"/> inside the enclave; attestation generated and verified.</summary>
public sealed record TeeConfig(double InferenceOverheadFactor, ComponentSpec AttestSeconds, ComponentSpec VerifySeconds);

/// <summary>ZK-CRV: optimistic; a ZKML proof only when challenged; final no earlier than the window's end after the result.</summary>
public sealed record ZkCrvConfig(double ChallengeProbability, double ChallengeWindowSeconds, ComponentSpec VerifySeconds);

/// <summary>Vanilla: the node signs the result; verifiers check the signature.</summary>
public sealed record VanillaConfig(ComponentSpec SignSeconds, ComponentSpec VerifySeconds);

/// <summary>Each proof is verified by <see cref="Replication"/> distinct verification nodes; null means all of them (the blockchain case).</summary>
public sealed record VerificationConfig(int? Replication);

/// <summary>
/// Settlement on chain. Mode "blocks": verified items wait for the next block (every
/// <see cref="BlockIntervalSeconds"/>, at most <see cref="BlockCapacity"/> items), and a block is final
/// after consensus (<see cref="ConsensusBaseSeconds"/> + <see cref="ConsensusPerValidatorSeconds"/> x validators).
/// Mode "instant": final when verified. <see cref="Validators"/> null means the verification pool's node count.
/// <see cref="Synchronous"/>: the answer is held until final.
/// </summary>
public sealed record SettlementConfig(
    string Mode,
    double BlockIntervalSeconds,
    int BlockCapacity,
    double ConsensusBaseSeconds,
    double ConsensusPerValidatorSeconds,
    int? Validators,
    bool Synchronous);

/// <summary>Data nodes: fetch time = <see cref="EnclaveOverheadFactor"/> x a draw of <see cref="ExternalLatency"/>.</summary>
public sealed record DataConfig(double EnclaveOverheadFactor, ComponentSpec ExternalLatency, double? TimeoutSeconds);

/// <summary>Latency of each hop between roles (data -> inference -> prover -> verification -> settlement).</summary>
public sealed record NetworkConfig(ComponentSpec HopLatency);
