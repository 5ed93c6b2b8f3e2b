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
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null)
    {
        var root = new RandomStreams(scenario.Run.Seed);
        var results = new ReplicationResult[scenario.Run.Replications];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            results[i] = new HacaNetwork(scenario, i, root.ForReplication(i), catalogs, sinkFor?.Invoke(i)).Run();
            onDone?.Invoke(i);
        });
        return results;
    }
}
