namespace HacaSim.Policies;

/// <summary>What a path policy may see of the network when it decides: read-only.</summary>
public interface INetworkView
{
    double Now { get; }

    /// <summary>ZKML proofs waiting for or in generation.</summary>
    int ProofBacklog { get; }

    /// <summary>Verification jobs waiting for or in service.</summary>
    int VerificationBacklog { get; }

    /// <summary>Verified items not yet final.</summary>
    int SettlementBacklog { get; }
}
