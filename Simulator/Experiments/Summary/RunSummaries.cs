using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Experiments.Judging;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios;
using static HacaSim.Experiments.Summary.ReplicationStatistics;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// Builds a <see cref="RunSummary"/> from a run's replications: counts are totals over all replications, statistics
/// are means over replications with Student-t 95% half-widths (one replication: batch means for the per-request
/// means), the verdicts and unstable marks come from the one judge (<see cref="BacklogVerdicts"/>, <see cref="UnstableMarks"/>).
/// </summary>
public static class RunSummaries
{
    public static RunSummary Of(Scenario scenario, IReadOnlyList<ReplicationResult> reps, RunAnnotations? annotations = null)
    {
        CapacityReport capacity = CapacityModel.Analyse(scenario, ScenarioCatalogs.Default);
        var judged = new BacklogVerdicts(scenario, reps, capacity);
        var marks = new UnstableMarks(scenario, judged);
        var stability = Stability(reps, judged);
        return new RunSummary(
            scenario, reps,
            reps.Count == 1 ? CiMethod.BatchMeans : CiMethod.Replications,
            annotations?.Warmup ?? FixedWarmup(scenario, reps),
            annotations?.Precision,
            new RequestCounts(reps.Sum(r => r.Metrics.Arrived), reps.Sum(r => r.Metrics.Settled), reps.Sum(r => r.Metrics.Failed),
                reps.Sum(r => r.Metrics.InFlight), Counts(reps.SelectMany(r => r.Metrics.FailedByReason))),
            Pools(reps, marks),
            Paths(reps, marks),
            stability,
            ChainSummaries.Of(scenario, reps, stability.FirstOrDefault(b => b.Name == TimeSeriesSampler.SettlementPool), marks),
            capacity,
            CostSummaries.Of(scenario, reps, capacity),
            judged, marks,
            Counts(reps.SelectMany(r => r.Metrics.Decisions)),
            Faults(scenario, reps),
            Downgrades(reps),
            reps.Sum(r => r.EventsFired),
            Classes(scenario, reps));
    }

    /// <summary>A fixed warm-up, checked against MSER-5 on replication 0's series: reliable when it cuts at least as much.</summary>
    public static WarmupChoice FixedWarmup(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        WarmupDetector.Detection check = WarmupDetector.Detect(reps[0]);
        double seconds = scenario.Run.WarmupSeconds;
        return new WarmupChoice(WarmupMethod.Fixed, seconds, check.Reliable && seconds >= check.Seconds, check.Seconds, check.Pool);
    }

    private static List<PoolSummary> Pools(IReadOnlyList<ReplicationResult> reps, UnstableMarks marks) =>
        reps[0].Pools.Select(first =>
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            return new PoolSummary(first.Name, first.Nodes, first.Slots, marks.Pool(first.Name),
                SummaryStatistic.FromValues(all.Select(p => p.Utilization).ToList()),
                SummaryStatistic.FromValues(all.Select(p => p.QueueLength).ToList()),
                SummaryStatistic.FromValues(all.Select(p => p.InService).ToList()),
                WithBatchMeans(Merge(all.Select(p => p.Wait)), all.Select(p => p.WaitBatches)),
                Merge(all.Select(p => p.Service)),
                SummaryStatistic.FromValues(all.Select(p => p.Availability).ToList()));
        }).ToList();

    private static List<PathSummary> Paths(IReadOnlyList<ReplicationResult> reps, UnstableMarks marks) =>
        VerificationPaths.All.Select(path =>
        {
            var all = reps.Select(r => r.Metrics.Path(path)).ToList();
            return new PathSummary(path, all.Sum(m => m.Count),
                WithBatchMeans(Merge(all.Select(m => m.ResultLatency)), all.Select(m => m.ResultLatencyBatches)), marks.ResultLatency(path),
                WithBatchMeans(Merge(all.Select(m => m.ProofLag)), all.Select(m => m.ProofLagBatches)),
                WithBatchMeans(Merge(all.Select(m => m.TimeToTrust)), all.Select(m => m.TimeToTrustBatches)), marks.Trust(path));
        }).ToList();

    private static List<BacklogSummary> Stability(IReadOnlyList<ReplicationResult> reps, BacklogVerdicts judged)
    {
        var backlogs = reps[0].Pools.Select(first => Backlog(first.Name, reps.Select(r => r.Pools.First(p => p.Name == first.Name).Stability).ToList(), judged))
            .ToList();
        if (reps.All(r => r.SettlementStability is not null))
            backlogs.Add(Backlog(TimeSeriesSampler.SettlementPool, reps.Select(r => r.SettlementStability!).ToList(), judged));
        return backlogs;
    }

    /// <summary>The trend test's boolean (the judge's majority rule), the growth trend across replications (one replication: the trend fit's own interval), the verdict.</summary>
    private static BacklogSummary Backlog(string name, IReadOnlyList<StabilityVerdict> verdicts, BacklogVerdicts judged)
    {
        var growth = SummaryStatistic.FromValues(verdicts.Select(v => v.GrowthPerSecond).ToList());
        if (verdicts.Count == 1) growth = growth with { Ci95 = Finite(verdicts[0].GrowthCi95) };
        return new BacklogSummary(name, BacklogVerdicts.TrendStable(verdicts), growth, judged.Of(name));
    }

    private static FaultsSummary Faults(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        var outages = scenario.FaultsOrNone.Outages;
        var summaries = new List<OutageSummary>();
        for (int i = 0; i < outages.Count; i++)
        {
            var measured = reps.Select(r => r.Outages![i]).ToList();
            var recovered = measured.Where(m => !double.IsNaN(m.RecoverySeconds)).Select(m => m.RecoverySeconds).ToList();
            summaries.Add(new OutageSummary(outages[i].Label, outages[i].StartSeconds, outages[i].EndSeconds,
                SummaryStatistic.FromValues(measured.Select(m => m.BacklogBefore).ToList()),
                SummaryStatistic.FromValues(measured.Select(m => m.PeakBacklog).ToList()),
                recovered.Count, recovered.Count == 0 ? null : SummaryStatistic.FromValues(recovered)));
        }
        return new FaultsSummary(reps.Sum(r => r.Metrics.InterruptedJobs), reps.Sum(r => r.Metrics.WorkLostSeconds), reps.Sum(r => r.Metrics.Retries),
            Counts(reps.SelectMany(r => r.Metrics.Overflow)), Counts(reps.SelectMany(r => r.Metrics.Fallbacks)), summaries);
    }

    private static DowngradeSummary Downgrades(IReadOnlyList<ReplicationResult> reps)
    {
        long total = reps.Sum(r => r.Metrics.Downgrades.Values.Sum());
        long decided = reps.Sum(r => r.Metrics.Decided);
        return new DowngradeSummary(total, decided > 0 ? (double)total / decided : null, Counts(reps.SelectMany(r => r.Metrics.Downgrades)));
    }

    /// <summary>
    /// Per request class, time to trust and the share of the class's settled requests final later than its deadline_s
    /// (across replications; null without a deadline). Requests still in flight at the end are in neither.
    /// </summary>
    private static List<ClassSummary> Classes(Scenario scenario, IReadOnlyList<ReplicationResult> reps) =>
        scenario.Traffic.Classes.Select((config, i) =>
        {
            var all = reps.Select(r => i < r.Metrics.Classes.Count ? r.Metrics.Classes[i] : new ClassMetrics()).ToList();
            return new ClassSummary(config.Name, all.Sum(c => c.Count), all.Sum(c => c.Settled), config.DeadlineSeconds,
                Merge(all.Select(c => c.TimeToTrust)),
                config.DeadlineSeconds is null || all.Any(c => c.Settled == 0) ? null
                    : SummaryStatistic.FromValues(all.Select(c => (double)c.OverDeadline / c.Settled).ToList()));
        }).ToList();

    /// <summary>Counts summed over replications by key, keys in ordinal order.</summary>
    private static List<KeyValuePair<string, long>> Counts(IEnumerable<KeyValuePair<string, long>> counts) =>
        counts.GroupBy(c => c.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Sum(c => c.Value))).ToList();

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
