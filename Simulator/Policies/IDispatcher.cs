namespace HacaSim.Policies;

/// <summary>Picks the node of a pool that gets a job.</summary>
public interface IDispatcher
{
    /// <summary>
    /// Index into <paramref name="candidates"/> (never empty, in ascending node index order) of the node to use.
    /// </summary>
    int Choose(IReadOnlyList<INodeView> candidates);
}
