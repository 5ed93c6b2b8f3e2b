namespace HacaSim.Scenarios;

/// <summary>
/// Default gas of one settlement item per path (docs/parameters.md, "Settlement and consensus"). Plain
/// numbers a scenario (or a proof-system catalogue) overrides with <c>paths.PATH.settle_gas</c>.
/// </summary>
public static class PathGasDefaults
{
    /// <summary>
    /// A Groth16 verify (EIP-1108: 45,000 + 34,000 per pairing, 4 pairings = 181k) + 21k transaction base +
    /// calldata and a storage write: ~300k, the low end the issue quotes; a Honk verifier is ~2.8M
    /// (teleport-computer/github-zktls PR 67).
    /// </summary>
    public const long Zkml = 300_000;

    /// <summary>21k base + an RSA-PSS attestation check (~25k, og-evm TEE_ARCHITECTURE.md) + storage: ~50k.</summary>
    public const long Tee = 50_000;

    /// <summary>An unchallenged commitment is a signed result, like Vanilla: ~30k.</summary>
    public const long ZkCrv = 30_000;

    /// <summary>21k base + ecrecover (3k) + a storage write: ~30k.</summary>
    public const long Vanilla = 30_000;
}
