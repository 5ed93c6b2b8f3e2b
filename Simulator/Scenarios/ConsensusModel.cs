namespace HacaSim.Scenarios;

/// <summary>How long a block's consensus takes (<c>settlement.consensus</c>).</summary>
public enum ConsensusModel
{
    /// <summary><c>consensus_base_s + consensus_per_validator_s x validators</c>, deterministic (the default).</summary>
    Linear,

    /// <summary>
    /// Each of <see cref="ConsensusConfig.Phases"/> phases waits for the ceil(2n/3)-th fastest of the n validators'
    /// message delays: a BFT quorum (Tendermint/CometBFT prevote + precommit, QBFT prepare + commit).
    /// </summary>
    Quorum,
}
