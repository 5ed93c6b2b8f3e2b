namespace HacaSim.Policies;

/// <summary>
/// Cycles through the pool's nodes; among the candidates, the first at or after the cursor (the one with the
/// lowest index when none is), so skipped (ineligible) nodes keep the cycle fair. Candidates come in index
/// order (<see cref="IDispatcher"/>), so the pick is a binary search: O(log n) per job in a pool of any size.
/// </summary>
public sealed class RoundRobinDispatcher : IDispatcher
{
    private int _next;

    public int Choose(IReadOnlyList<INodeView> candidates)
    {
        // The first candidate whose index is at or after the cursor; past the end, wrap to the first.
        int lo = 0, hi = candidates.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (candidates[mid].Index < _next) lo = mid + 1;
            else hi = mid;
        }
        int best = lo == candidates.Count ? 0 : lo;
        _next = candidates[best].Index + 1;
        return best;
    }
}
