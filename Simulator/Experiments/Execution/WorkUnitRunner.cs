using System.Collections.Concurrent;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// The one parallel loop of the tool: runs work units (a run's replications, a sweep's points x replications, a
/// comparison's variants x replications) on up to <c>threads</c> threads and returns their results in unit order,
/// so every output built from them is identical for any thread count. Each unit builds its network from its bound
/// scenario and attaches only its own random streams.
/// </summary>
public static class WorkUnitRunner
{
    /// <param name="sinkFor">Where a unit's request rows go (the requests log), if anywhere.</param>
    /// <param name="onDone">Called as each unit ends (on its worker thread).</param>
    /// <param name="progress">Simulated-time progress, by the unit's replication index (runs show it; experiments do not).</param>
    /// <param name="spare">Told how many cores the units occupy as they run, so background work can wait for a spare one.</param>
    public static IReadOnlyList<ReplicationResult> Run(IReadOnlyList<WorkUnit> units, int threads, ScenarioCatalogs catalogs,
        Func<WorkUnit, IRequestSink?>? sinkFor = null, CancellationToken cancel = default, Action<WorkUnit>? onDone = null,
        SimulatedTimeProgress? progress = null, SpareCores? spare = null)
    {
        var results = new ReplicationResult[units.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };
        using SpareCores.Batch? batch = spare?.Begin(units.Count, threads);
        try
        {
            // One unit at a time from a shared sequence: Parallel.For over an index range splits it into one range per
            // thread and hands out growing chunks of it (1, 2, 4, ...), so with 8 replications on 2 threads each worker
            // took 4 fixed ones, and a worker whose 4 ran longer finished alone (issue 19, --threads 2: 8 replications of
            // baseline.yaml at 60,000 s took 1.36-1.96 s of CPU each, and the tail beside one idle core was ~0.25 s).
            // Taken one by one, a worker that finishes early takes the next unit, and the tail is at most part of one unit.
            // Results still go to their unit's index, so outputs do not depend on which worker ran what.
            var order = Partitioner.Create(Enumerable.Range(0, units.Count), EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(order, options, i =>
            {
                WorkUnit u = units[i];
                var network = new HacaNetwork(u.Scenario, u.Replication, u.Streams(), catalogs, sinkFor?.Invoke(u));
                progress?.Started(u.Replication, network);
                results[i] = network.Run(cancel);
                progress?.Finished(u.Replication, u.Scenario.Run.DurationSeconds, results[i].EventsFired);
                onDone?.Invoke(u);
                batch?.UnitDone();
            });
        }
        catch (AggregateException e) when (cancel.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancel); // an interrupt, not a failure of the units
        }
        return results;
    }

    /// <summary>The results of each case, replications in order (the merge step).</summary>
    public static IReadOnlyList<IReadOnlyList<ReplicationResult>> ByCase(IReadOnlyList<WorkUnit> units, IReadOnlyList<ReplicationResult> results, int cases) =>
        Enumerable.Range(0, cases).Select(c => (IReadOnlyList<ReplicationResult>)units.Select((u, i) => (u, i))
            .Where(p => p.u.Case == c).OrderBy(p => p.u.Replication).Select(p => results[p.i]).ToList()).ToList();
}
