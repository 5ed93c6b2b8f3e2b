namespace HacaSim.Model;

/// <summary>How loaded a node looks to a dispatcher, and the pick of the least loaded one.</summary>
internal static class NodeLoad
{
    /// <summary>Jobs waiting plus in service per slot, so a node with more slots takes proportionally more.</summary>
    public static double JobsPerSlot(INodeView node) => (double)(node.Busy + node.Waiting) / node.Slots;

    /// <summary>Index of the candidate with the smallest <paramref name="load"/>; ties go to the lowest index, which keeps runs deterministic.</summary>
    public static int IndexOfLeast(IReadOnlyList<INodeView> candidates, Func<INodeView, double> load)
    {
        int best = 0;
        double bestLoad = double.PositiveInfinity;
        for (int i = 0; i < candidates.Count; i++)
        {
            double l = load(candidates[i]);
            if (l < bestLoad)
            {
                best = i;
                bestLoad = l;
            }
        }
        return best;
    }
}
