namespace HacaSim.Scenarios;

/// <summary>Costs of each verification path; all times are seconds on a speed-1 node, each a distribution (a bare number is deterministic).</summary>
public sealed record PathsConfig(ZkmlConfig Zkml, TeeConfig Tee, ZkCrvConfig ZkCrv, VanillaConfig Vanilla)
{
    /// <summary>Expected gas of one settled item of a path, as the chain charges it (a challenged ZK-CRV item pays ZKML's).</summary>
    public double SettleGas(Model.VerificationPath path) => path switch
    {
        Model.VerificationPath.Zkml => Zkml.SettleGas,
        Model.VerificationPath.Tee => Tee.SettleGas,
        Model.VerificationPath.ZkCrv => (1 - ZkCrv.ChallengeProbability) * ZkCrv.SettleGas + ZkCrv.ChallengeProbability * Zkml.SettleGas,
        _ => Vanilla.SettleGas,
    };
}
