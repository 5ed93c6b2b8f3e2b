using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>ZKML: proof time = <see cref="ProofOverheadFactor"/> x inference work, unless <see cref="ProofSeconds"/> is given.</summary>
public sealed record ZkmlConfig(double ProofOverheadFactor, ComponentSpec? ProofSeconds, ComponentSpec VerifySeconds)
{
    /// <summary>Gas of one settlement item on chain (verification + calldata + transaction base); also a challenged ZK-CRV item's.</summary>
    public long SettleGas { get; init; } = PathGasDefaults.Zkml;
}
