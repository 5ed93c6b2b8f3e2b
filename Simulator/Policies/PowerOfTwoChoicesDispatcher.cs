using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>
/// Power of two choices (Mitzenmacher 2001): sample two distinct nodes at random and take the one with
/// fewer jobs per slot (the first sampled on a tie). Nearly JSQ's waits while looking at two nodes only.
/// </summary>
public sealed class PowerOfTwoChoicesDispatcher(Random rng) : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates)
    {
        if (candidates.Count == 1) return 0;
        int a = rng.Next(candidates.Count);
        int b = rng.Next(candidates.Count - 1);
        if (b >= a) b++;
        return NodeLoad.JobsPerSlot(candidates[b]) < NodeLoad.JobsPerSlot(candidates[a]) ? b : a;
    }
}
