namespace HacaSim.Scenarios;

/// <summary>How settlement works (<c>settlement.mode</c>).</summary>
public enum SettlementMode
{
    /// <summary>"blocks": ready items wait in the mempool for a block; final after its execution and consensus.</summary>
    Blocks,

    /// <summary>"instant": final when verified.</summary>
    Instant,
}
