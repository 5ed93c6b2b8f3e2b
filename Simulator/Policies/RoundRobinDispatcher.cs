using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>Cycles through the pool's nodes; among the candidates, the first at or after the cursor.</summary>
public sealed class RoundRobinDispatcher : IDispatcher
{
    private int _next;

    public int Choose(IReadOnlyList<INodeView> candidates)
    {
        int best = 0;
        int bestDistance = int.MaxValue;
        for (int i = 0; i < candidates.Count; i++)
        {
            // Distance from the cursor going forward, so skipped (ineligible) nodes keep the cycle fair.
            int distance = candidates[i].Index - _next;
            if (distance < 0) distance += int.MaxValue / 2;
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        _next = candidates[best].Index + 1;
        return best;
    }
}
