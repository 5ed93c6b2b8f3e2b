using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// Sequential stopping (Law, Simulation Modeling and Analysis, §9.4.1): run replications in batches until the
/// 95% half-width of the metric's mean is at most <c>relative</c> x |mean|, or <c>maxReplications</c> ran.
/// The next batch size depends only on the results so far (the classic n·(h/h*)² estimate, at most doubling),
/// and replication i always uses stream i, so the outcome is the same for any thread count and equals a plain
/// run of the final number of replications.
/// </summary>
public static class SequentialReplications
{
    /// <summary>Fewer replications give a t interval too wide (t(0.975, 1) = 12.7) to estimate the next batch from.</summary>
    public const int MinimumInitial = 3;

    public static (IReadOnlyList<ReplicationResult> Results, PrecisionOutcome Outcome) Run(Scenario scenario, double relative,
        PrecisionMetric metric, int maxReplications, int threads, ScenarioCatalogs catalogs,
        Func<int, IRequestSink?>? sinkFor = null, Action<int>? onDone = null, Action<int>? onPlanned = null, CancellationToken cancel = default,
        SimulatedTimeProgress? progress = null, SpareCores? spare = null)
    {
        var results = new List<ReplicationResult>();
        int next = Math.Min(maxReplications, Math.Max(scenario.Run.Replications, MinimumInitial));
        while (true)
        {
            onPlanned?.Invoke(next);
            results.AddRange(ReplicationRunner.RunRange(scenario, results.Count, next - results.Count, threads, catalogs, sinkFor, onDone, cancel, progress, spare));
            string name = metric.Resolve(results);
            ConfidenceInterval ci = ConfidenceInterval.FromSamples(PrecisionMetric.Values(name, results));
            double achieved = Math.Abs(ci.HalfWidth / ci.Mean);
            bool met = double.IsFinite(achieved) && achieved <= relative;
            // A metric that is exactly constant (zero half-width) has met any target.
            if (ci.HalfWidth == 0 && ci.Count >= 2) (achieved, met) = (0, true);
            if (met || results.Count >= maxReplications)
                return (results, new PrecisionOutcome(name, relative, double.IsFinite(achieved) ? achieved : null, met, maxReplications));
            int n = results.Count;
            double estimate = double.IsFinite(achieved) ? Math.Ceiling(n * Math.Pow(achieved / relative, 2)) : 2.0 * n;
            next = (int)Math.Min(maxReplications, Math.Max(n + 1, Math.Min(estimate, 2.0 * n)));
        }
    }
}
