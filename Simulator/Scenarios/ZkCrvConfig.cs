using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>ZK-CRV: optimistic; a ZKML proof only when challenged; final no earlier than the window's end after the result.</summary>
public sealed record ZkCrvConfig(double ChallengeProbability, double ChallengeWindowSeconds, ComponentSpec VerifySeconds)
{
    /// <summary>Gas of an unchallenged item (a signed commitment); a challenged one pays ZKML's.</summary>
    public long SettleGas { get; init; } = PathGasDefaults.ZkCrv;
}
