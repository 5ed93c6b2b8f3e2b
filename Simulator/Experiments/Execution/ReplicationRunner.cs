using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// A scenario's replications as work units ("run/replication/i", each on the streams of run seed + index i), run by
/// the one parallel loop, <see cref="WorkUnitRunner"/>. Results are in replication order, identical for any thread count.
/// </summary>
public static class ReplicationRunner
{
    public static IReadOnlyList<ReplicationResult> Run(Scenario scenario, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null, CancellationToken cancel = default, SimulatedTimeProgress? progress = null,
        SpareCores? spare = null) =>
        RunRange(scenario, 0, scenario.Run.Replications, threads, catalogs, sinkFor, onDone, cancel, progress, spare);

    /// <summary>
    /// Replications <paramref name="first"/> .. first + count - 1. Replication i always runs on the streams of
    /// index i, so running 0..n-1 in several batches gives exactly the replications of one run of n.
    /// </summary>
    public static IReadOnlyList<ReplicationResult> RunRange(Scenario scenario, int first, int count, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null, CancellationToken cancel = default, SimulatedTimeProgress? progress = null,
        SpareCores? spare = null)
    {
        var units = Enumerable.Range(first, count).Select(i => new WorkUnit($"run/replication/{i}", 0, i, scenario)).ToList();
        return WorkUnitRunner.Run(units, threads, catalogs, sinkFor is null ? null : u => sinkFor(u.Replication), cancel,
            onDone is null ? null : u => onDone(u.Replication), progress, spare);
    }
}
