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
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null) =>
        RunRange(scenario, 0, scenario.Run.Replications, threads, catalogs, sinkFor, onDone);

    /// <summary>
    /// Replications <paramref name="first"/> .. first + count - 1. Replication i always runs on the streams of
    /// index i, so running 0..n-1 in several batches gives exactly the replications of one run of n.
    /// </summary>
    public static IReadOnlyList<ReplicationResult> RunRange(Scenario scenario, int first, int count, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null)
    {
        var root = new RandomStreams(scenario.Run.Seed);
        var results = new ReplicationResult[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, k =>
        {
            int i = first + k;
            results[k] = new HacaNetwork(scenario, i, root.ForReplication(i), catalogs, sinkFor?.Invoke(i)).Run();
            onDone?.Invoke(i);
        });
        return results;
    }
}
