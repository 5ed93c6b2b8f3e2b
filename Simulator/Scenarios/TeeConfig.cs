using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>TEE: inference slowed by <see cref="InferenceOverheadFactor"/> inside the enclave; attestation generated and verified.</summary>
public sealed record TeeConfig(double InferenceOverheadFactor, ComponentSpec AttestSeconds, ComponentSpec VerifySeconds)
{
    public long SettleGas { get; init; } = PathGasDefaults.Tee;
}
