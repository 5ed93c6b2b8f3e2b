namespace HacaSim.Policies;

/// <summary>
/// Least work left: the node whose queued plus remaining in-service work, per slot, is smallest (ties to
/// the lowest index). Unlike JSQ it sees that one 600 s proof outweighs ten 5 s ones.
/// </summary>
public sealed class LeastWorkLeftDispatcher : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates)
    {
        int best = 0;
        double bestWork = double.PositiveInfinity;
        for (int i = 0; i < candidates.Count; i++)
        {
            INodeView n = candidates[i];
            double work = n.WorkLeftSeconds / n.Slots;
            if (work < bestWork)
            {
                best = i;
                bestWork = work;
            }
        }
        return best;
    }
}
