namespace HacaSim.Scenarios;

/// <summary>The order in which a block takes transactions from the mempool (<c>settlement.order</c>).</summary>
public enum MempoolOrder
{
    /// <summary>First come, first included.</summary>
    Fifo,

    /// <summary>Stronger-trust paths first (zkml, tee, zkcrv, vanilla), first come first within a path.</summary>
    PathPriority,
}
