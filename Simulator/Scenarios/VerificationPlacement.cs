namespace HacaSim.Scenarios;

/// <summary>Where proofs are verified (<c>verification.placement</c>).</summary>
public enum VerificationPlacement
{
    /// <summary>On a pool of verification nodes before the item reaches the chain (the default).</summary>
    Offchain,

    /// <summary>Inside block execution: every validator re-executes the block, one proof after another.</summary>
    Onchain,
}
