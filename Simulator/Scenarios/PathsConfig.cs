namespace HacaSim.Scenarios;

/// <summary>Costs of each verification path; all times are seconds on a speed-1 node, each a distribution (a bare number is deterministic).</summary>
public sealed record PathsConfig(ZkmlConfig Zkml, TeeConfig Tee, ZkCrvConfig ZkCrv, VanillaConfig Vanilla);
