namespace HacaSim.Scenarios;

/// <summary>Costs of each verification path; all times are seconds on a speed-1 node, each a distribution (a bare number is deterministic).</summary>
public sealed record PathsConfig(ZkmlConfig Zkml, TeeConfig Tee, ZkCrvConfig ZkCrv, VanillaConfig Vanilla)
{
    /// <summary>Expected gas of one settled item of a path, as the chain charges it (a challenged ZK-CRV item pays ZKML's).</summary>
    public double SettleGas(VerificationPath path) => path switch
    {
        VerificationPath.Zkml => Zkml.SettleGas,
        VerificationPath.Tee => Tee.SettleGas,
        VerificationPath.ZkCrv => (1 - ZkCrv.ChallengeProbability) * ZkCrv.SettleGas + ZkCrv.ChallengeProbability * Zkml.SettleGas,
        _ => Vanilla.SettleGas,
    };
}
