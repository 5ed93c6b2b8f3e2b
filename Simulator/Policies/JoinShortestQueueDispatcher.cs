using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>
/// The node with the fewest jobs per slot (waiting plus in service, divided by slots, so a node with
/// more slots takes proportionally more); ties go to the lowest index, which keeps runs deterministic.
/// </summary>
public sealed class JoinShortestQueueDispatcher : IDispatcher
{
    public int Choose(IReadOnlyList<INodeView> candidates) => NodeLoad.IndexOfLeast(candidates, NodeLoad.JobsPerSlot);

    public bool PicksFewestJobsPerSlot => true;
}
