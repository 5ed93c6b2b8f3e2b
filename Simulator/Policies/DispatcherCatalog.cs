using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>The dispatchers a pool may name (<c>dispatcher:</c>).</summary>
public static class DispatcherCatalog
{
    public static Catalog<IDispatcher> Create() => new("dispatcher",
    [
        new("random", "A uniformly random eligible node.", [new()], (_, r) => new RandomDispatcher(r)),
        new("round_robin", "Eligible nodes in turn.", [new()], (_, _) => new RoundRobinDispatcher()),
        new("jsq", "Join the shortest queue: fewest jobs per slot, ties to the lowest index.", [new()],
            (_, _) => new JoinShortestQueueDispatcher()),
        new("p2c", "Power of two choices: two random eligible nodes, the one with fewer jobs per slot.", [new()],
            (_, r) => new PowerOfTwoChoicesDispatcher(r)),
        new("lwl", "Least work left: the node with the least queued plus remaining work per slot, ties to the lowest index.", [new()],
            (_, _) => new LeastWorkLeftDispatcher()),
    ]);
}
