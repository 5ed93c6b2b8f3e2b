using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>Uniformly random node: the baseline every smarter dispatcher must beat.</summary>
public sealed class RandomDispatcher(Random rng) : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates) => rng.Next(candidates.Count);
}
