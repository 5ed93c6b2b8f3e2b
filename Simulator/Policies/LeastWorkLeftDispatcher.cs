using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>
/// Least work left: the node whose queued plus remaining in-service work, per slot, is smallest (ties to
/// the lowest index). Unlike JSQ it sees that one 600 s proof outweighs ten 5 s ones.
/// </summary>
public sealed class LeastWorkLeftDispatcher : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates) => NodeLoad.IndexOfLeast(candidates, n => n.WorkLeftSeconds / n.Slots);

    public bool PicksLeastWorkLeft => true;
}
