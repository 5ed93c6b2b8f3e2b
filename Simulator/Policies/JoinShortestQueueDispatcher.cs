namespace HacaSim.Policies;

/// <summary>
/// The node with the fewest jobs per slot (waiting plus in service, divided by slots, so a node with
/// more slots takes proportionally more); ties go to the lowest index, which keeps runs deterministic.
/// </summary>
public sealed class JoinShortestQueueDispatcher : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates)
    {
        int best = 0;
        double bestLoad = double.PositiveInfinity;
        for (int i = 0; i < candidates.Count; i++)
        {
            INodeView n = candidates[i];
            double load = (double)(n.Busy + n.Waiting) / n.Slots;
            if (load < bestLoad)
            {
                best = i;
                bestLoad = load;
            }
        }
        return best;
    }
}
