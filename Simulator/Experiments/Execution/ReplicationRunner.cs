using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// Runs a scenario's replications, each on its own streams (run seed + replication index), on up to
/// <c>threads</c> threads. Results are returned in replication order, so output is identical for any
/// thread count.
/// </summary>
public static class ReplicationRunner
{
    public static IReadOnlyList<ReplicationResult> Run(Scenario scenario, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null, CancellationToken cancel = default, SimulatedTimeProgress? progress = null) =>
        RunRange(scenario, 0, scenario.Run.Replications, threads, catalogs, sinkFor, onDone, cancel, progress);

    /// <summary>
    /// Replications <paramref name="first"/> .. first + count - 1. Replication i always runs on the streams of
    /// index i, so running 0..n-1 in several batches gives exactly the replications of one run of n.
    /// </summary>
    public static IReadOnlyList<ReplicationResult> RunRange(Scenario scenario, int first, int count, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null, CancellationToken cancel = default, SimulatedTimeProgress? progress = null)
    {
        var root = new RandomStreams(scenario.Run.Seed);
        var results = new ReplicationResult[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };
        try
        {
            Parallel.For(0, count, options, k =>
            {
                int i = first + k;
                var network = new HacaNetwork(scenario, i, root.ForReplication(i), catalogs, sinkFor?.Invoke(i));
                progress?.Started(i, network);
                results[k] = network.Run(cancel);
                progress?.Finished(i, scenario.Run.DurationSeconds, results[k].EventsFired);
                onDone?.Invoke(i);
            });
        }
        catch (AggregateException e) when (cancel.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancel); // an interrupt, not a failure of the replications
        }
        return results;
    }
}
