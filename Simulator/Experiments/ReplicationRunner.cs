using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Experiments;

/// <summary>
/// Runs a scenario's replications, each on its own streams (run seed + replication index), on up to
/// <c>threads</c> threads. Results are returned in replication order, so output is identical for any
/// thread count.
/// </summary>
public static class ReplicationRunner
{
    public static IReadOnlyList<ReplicationResult> Run(Scenario scenario, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null, CancellationToken cancel = default)
    {
        var root = new RandomStreams(scenario.Run.Seed);
        var results = new ReplicationResult[scenario.Run.Replications];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };
        try
        {
            Parallel.For(0, results.Length, options, i =>
            {
                results[i] = new HacaNetwork(scenario, i, root.ForReplication(i), catalogs, sinkFor?.Invoke(i)).Run(cancel);
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
