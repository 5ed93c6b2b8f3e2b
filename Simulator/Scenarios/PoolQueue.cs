namespace HacaSim.Scenarios;

/// <summary>Whether a pool's waiting jobs queue at each node or in one line for the whole pool (<c>pools.P.queue</c>).</summary>
public enum PoolQueue
{
    /// <summary>The dispatcher picks a node on arrival and the job waits in that node's queue.</summary>
    PerNode,

    /// <summary>One queue for the pool: a job waits there until a slot frees on any eligible node (M/M/c).</summary>
    Central,
}
