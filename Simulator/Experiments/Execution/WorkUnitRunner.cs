using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// Runs work units on up to <c>threads</c> threads and returns their results in unit order, so every
/// output built from them is identical for any thread count.
/// </summary>
public static class WorkUnitRunner
{
    public static IReadOnlyList<ReplicationResult> Run(IReadOnlyList<WorkUnit> units, int threads, ScenarioCatalogs catalogs,
        Func<WorkUnit, IRequestSink?>? sinkFor = null, CancellationToken cancel = default)
    {
        var results = new ReplicationResult[units.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancel };
        try
        {
            Parallel.For(0, units.Count, options, i =>
            {
                WorkUnit u = units[i];
                results[i] = new HacaNetwork(u.Scenario, u.Replication, u.Streams(), catalogs, sinkFor?.Invoke(u)).Run(cancel);
            });
        }
        catch (AggregateException e) when (cancel.IsCancellationRequested && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancel); // an interrupt, as in ReplicationRunner
        }
        return results;
    }

    /// <summary>The results of each case, replications in order (the merge step).</summary>
    public static IReadOnlyList<IReadOnlyList<ReplicationResult>> ByCase(IReadOnlyList<WorkUnit> units, IReadOnlyList<ReplicationResult> results, int cases) =>
        Enumerable.Range(0, cases).Select(c => (IReadOnlyList<ReplicationResult>)units.Select((u, i) => (u, i))
            .Where(p => p.u.Case == c).OrderBy(p => p.u.Replication).Select(p => results[p.i]).ToList()).ToList();
}
