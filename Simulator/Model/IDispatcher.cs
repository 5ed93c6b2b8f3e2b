namespace HacaSim.Model;

/// <summary>Picks the node of a pool that gets a job.</summary>
public interface IDispatcher
{
    /// <summary>
    /// Index into <paramref name="candidates"/> (never empty, in ascending node index order) of the node to use.
    /// </summary>
    int Choose(IReadOnlyList<INodeView> candidates);

    /// <summary>
    /// True when <see cref="Choose"/> is exactly the candidate with the fewest jobs per slot, ties to the lowest
    /// index (join the shortest queue): a pool then finds that node in its own tree instead of asking.
    /// </summary>
    bool PicksFewestJobsPerSlot => false;

    /// <summary>
    /// True when <see cref="Choose"/> is exactly the candidate with the least queued plus remaining work per slot,
    /// ties to the lowest index (least work left): a pool then keeps that index itself instead of asking.
    /// </summary>
    bool PicksLeastWorkLeft => false;
}
