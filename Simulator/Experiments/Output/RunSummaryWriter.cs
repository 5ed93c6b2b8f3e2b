using System.Text.Json;
using System.Text;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios;
using static HacaSim.Experiments.Judging.MajorityVote;
using static HacaSim.Experiments.Summary.ReplicationStatistics;

namespace HacaSim.Experiments.Output;

/// <summary>
/// Writes summary.json: the keys the issue fixes (users' scripts rely on them), every statistic as
/// {mean, ci95, p50, p95, p99, max}, numbers in shortest round-trip form so equal runs give equal bytes.
/// Counts are totals over all replications (so arrived = settled + failed + in_flight holds exactly);
/// statistics are means over replications with Student-t 95% half-widths. With one replication the
/// per-request means (path latencies, pool waits) get a batch-means half-width instead ("ci_method").
/// A statistic fed by a backlog that grows without bound carries "unstable": true (see <see cref="UnstableMarks"/>).
/// </summary>
public static class RunSummaryWriter
{
    public const string CiByReplications = "replications";
    public const string CiByBatchMeans = "batch_means";

    public static string Write(Scenario scenario, IReadOnlyList<ReplicationResult> reps, RunAnnotations? annotations = null)
    {
        CapacityReport capacity = CapacityModel.Analyse(scenario, ScenarioCatalogs.Default);
        var judged = new BacklogVerdicts(scenario, reps, capacity);
        var marks = new UnstableMarks(scenario, judged);
        WarmupChoice warmupChoice = annotations?.Warmup ?? FixedWarmup(scenario, reps);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString(SummaryKeys.Scenario, scenario.Name);
            w.WriteNumber(SummaryKeys.Seed, scenario.Run.Seed);
            w.WriteNumber(SummaryKeys.Replications, reps.Count);
            Number(w, SummaryKeys.DurationSeconds, scenario.Run.DurationSeconds);
            Number(w, SummaryKeys.WarmupSeconds, scenario.Run.WarmupSeconds);
            w.WriteString(SummaryKeys.CiMethod, reps.Count == 1 ? CiByBatchMeans : CiByReplications);
            WriteWarmup(w, warmupChoice);
            if (annotations?.Precision is { } precision) WritePrecision(w, precision);
            WriteRequests(w, reps);
            WritePools(w, reps, marks);
            WritePaths(w, reps, marks);
            WriteStability(w, reps, judged);
            ChainSummaryWriter.Write(w, scenario, reps, judged.Of(TimeSeriesSampler.SettlementPool), marks);
            CapacityWriter.WriteJson(w, capacity);
            CostWriter.Write(w, scenario, reps, capacity);
            WriteCounts(w, SummaryKeys.Decisions, reps.SelectMany(r => r.Metrics.Decisions));
            WriteFaults(w, scenario, reps);
            WriteDowngrades(w, reps);
            w.WriteNumber(SummaryKeys.Events, reps.Sum(r => r.EventsFired));
            WriteClasses(w, scenario, reps);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRequests(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject(SummaryKeys.Requests);
        w.WriteNumber(SummaryKeys.Arrived, reps.Sum(r => r.Metrics.Arrived));
        w.WriteNumber(SummaryKeys.Settled, reps.Sum(r => r.Metrics.Settled));
        w.WriteNumber(SummaryKeys.Failed, reps.Sum(r => r.Metrics.Failed));
        w.WriteNumber(SummaryKeys.InFlight, reps.Sum(r => r.Metrics.InFlight));
        WriteCounts(w, SummaryKeys.FailedByReason, reps.SelectMany(r => r.Metrics.FailedByReason));
        w.WriteEndObject();
    }

    /// <summary>A fixed warm-up, checked against MSER-5 on replication 0's series: reliable when it cuts at least as much.</summary>
    public static WarmupChoice FixedWarmup(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        WarmupDetector.Detection check = WarmupDetector.Detect(reps[0]);
        double seconds = scenario.Run.WarmupSeconds;
        return new WarmupChoice("fixed", seconds, check.Reliable && seconds >= check.Seconds, check.Seconds, check.Pool);
    }

    private static void WriteWarmup(Utf8JsonWriter w, WarmupChoice warmup)
    {
        w.WriteStartObject(SummaryKeys.Warmup);
        w.WriteString(SummaryKeys.Method, warmup.Method);
        Number(w, SummaryKeys.Seconds, warmup.Seconds);
        w.WriteBoolean(SummaryKeys.Reliable, warmup.Reliable);
        Number(w, SummaryKeys.Mser5Seconds, warmup.DetectedSeconds);
        if (warmup.Pool is null) w.WriteNull(SummaryKeys.Mser5Pool);
        else w.WriteString(SummaryKeys.Mser5Pool, warmup.Pool);
        w.WriteEndObject();
    }

    private static void WritePrecision(Utf8JsonWriter w, PrecisionOutcome p)
    {
        w.WriteStartObject(SummaryKeys.Precision);
        w.WriteString(SummaryKeys.Metric, p.Metric);
        Number(w, SummaryKeys.TargetRelativeHalfWidth, p.TargetRelativeHalfWidth);
        Number(w, SummaryKeys.RelativeHalfWidth, p.RelativeHalfWidth);
        w.WriteBoolean(SummaryKeys.Met, p.Met);
        w.WriteNumber(SummaryKeys.MaxReplications, p.MaxReplications);
        w.WriteEndObject();
    }

    private static void WritePools(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps, UnstableMarks marks)
    {
        w.WriteStartObject(SummaryKeys.Pools);
        foreach (PoolResult first in reps[0].Pools)
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            bool unstable = marks.Pool(first.Name);
            w.WriteStartObject(first.Name);
            w.WriteNumber(SummaryKeys.Nodes, first.Nodes);
            w.WriteNumber(SummaryKeys.Slots, first.Slots);
            w.WriteBoolean(SummaryKeys.Unstable, unstable);
            Statistic(w, SummaryKeys.Utilization, SummaryStatistic.FromValues(all.Select(p => p.Utilization).ToList()), unstable);
            Statistic(w, SummaryKeys.QueueLength, SummaryStatistic.FromValues(all.Select(p => p.QueueLength).ToList()), unstable);
            Statistic(w, SummaryKeys.InService, SummaryStatistic.FromValues(all.Select(p => p.InService).ToList()), unstable);
            Statistic(w, SummaryKeys.WaitSeconds, WithBatchMeans(Merge(all.Select(p => p.Wait)), all.Select(p => p.WaitBatches)), unstable);
            Statistic(w, SummaryKeys.ServiceSeconds, Merge(all.Select(p => p.Service)), unstable);
            Statistic(w, SummaryKeys.Availability, SummaryStatistic.FromValues(all.Select(p => p.Availability).ToList()));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps, UnstableMarks marks)
    {
        w.WriteStartObject(SummaryKeys.Paths);
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var all = reps.Select(r => r.Metrics.Path(path)).ToList();
            w.WriteStartObject(path.Key());
            w.WriteNumber(SummaryKeys.Count, all.Sum(m => m.Count));
            bool trust = marks.Trust(path);
            Statistic(w, SummaryKeys.ResultLatencySeconds, WithBatchMeans(Merge(all.Select(m => m.ResultLatency)), all.Select(m => m.ResultLatencyBatches)),
                marks.ResultLatency(path));
            Statistic(w, SummaryKeys.ProofLagSeconds, WithBatchMeans(Merge(all.Select(m => m.ProofLag)), all.Select(m => m.ProofLagBatches)), trust);
            Statistic(w, SummaryKeys.TimeToTrustSeconds, WithBatchMeans(Merge(all.Select(m => m.TimeToTrust)), all.Select(m => m.TimeToTrustBatches)), trust);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// Appended: per request class, time to trust (with its p99) and the share of the class's settled requests final
    /// later than its deadline_s (across replications; null without a deadline). Requests still in flight at the end
    /// are in neither (the verdicts say whether that is a backlog).
    /// </summary>
    private static void WriteClasses(Utf8JsonWriter w, Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject(SummaryKeys.Classes);
        for (int i = 0; i < scenario.Traffic.Classes.Count; i++)
        {
            RequestClassConfig config = scenario.Traffic.Classes[i];
            var all = reps.Select(r => i < r.Metrics.Classes.Count ? r.Metrics.Classes[i] : new ClassMetrics()).ToList();
            w.WriteStartObject(config.Name);
            w.WriteNumber(SummaryKeys.Count, all.Sum(c => c.Count));
            w.WriteNumber(SummaryKeys.Settled, all.Sum(c => c.Settled));
            Number(w, SummaryKeys.DeadlineSeconds, config.DeadlineSeconds);
            Statistic(w, SummaryKeys.TimeToTrustSeconds, Merge(all.Select(c => c.TimeToTrust)));
            Statistic(w, SummaryKeys.OverDeadlineShare, config.DeadlineSeconds is null || all.Any(c => c.Settled == 0) ? null
                : SummaryStatistic.FromValues(all.Select(c => (double)c.OverDeadline / c.Settled).ToList()));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteStability(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps, BacklogVerdicts judged)
    {
        w.WriteStartObject(SummaryKeys.Stability);
        foreach (PoolResult first in reps[0].Pools)
            WriteBacklog(w, first.Name, reps.Select(r => r.Pools.First(p => p.Name == first.Name).Stability).ToList(), judged);
        if (reps.All(r => r.SettlementStability is not null))
            WriteBacklog(w, TimeSeriesSampler.SettlementPool, reps.Select(r => r.SettlementStability!).ToList(), judged);
        w.WriteEndObject();
    }

    /// <summary>One backlog's stability entry (a pool, or the chain under its pseudo-pool name): the per-replication
    /// majority flag, the growth trend across replications (one replication: the trend fit's own interval), the verdict.</summary>
    private static void WriteBacklog(Utf8JsonWriter w, string name, IReadOnlyList<StabilityVerdict> verdicts, BacklogVerdicts judged)
    {
        w.WriteStartObject(name);
        w.WriteBoolean(SummaryKeys.Stable, !Unstable(verdicts));
        var growth = SummaryStatistic.FromValues(verdicts.Select(v => v.GrowthPerSecond).ToList());
        if (verdicts.Count == 1) growth = growth with { Ci95 = Finite(verdicts[0].GrowthCi95) };
        Statistic(w, SummaryKeys.BacklogGrowthPerSecond, growth);
        WriteVerdict(w, judged.Of(name));
        w.WriteEndObject();
    }

    /// <summary>The three-state verdict beside the boolean (which keeps its meaning: the trend test alone).</summary>
    private static void WriteVerdict(Utf8JsonWriter w, ThreeStateVerdict? v)
    {
        if (v is null) return;
        w.WriteString(SummaryKeys.Verdict, v.State.Key());
        w.WriteString(SummaryKeys.VerdictReason, v.Reason);
        Number(w, SummaryKeys.RelaxationSeconds, v.RelaxationSeconds);
        Number(w, SummaryKeys.SettleRunSeconds, v.SettleRunSeconds);
    }


    /// <summary>
    /// What faults cost: jobs interrupted, the service they had received (work lost, to be redone),
    /// retries, fallbacks by path, and for each scheduled outage the proof backlog's recovery time.
    /// </summary>
    private static void WriteFaults(Utf8JsonWriter w, Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject(SummaryKeys.Faults);
        w.WriteNumber(SummaryKeys.InterruptedJobs, reps.Sum(r => r.Metrics.InterruptedJobs));
        Number(w, SummaryKeys.WorkLostSeconds, reps.Sum(r => r.Metrics.WorkLostSeconds));
        w.WriteNumber(SummaryKeys.Retries, reps.Sum(r => r.Metrics.Retries));
        WriteCounts(w, SummaryKeys.Overflow, reps.SelectMany(r => r.Metrics.Overflow));
        WriteCounts(w, SummaryKeys.Fallbacks, reps.SelectMany(r => r.Metrics.Fallbacks));
        w.WriteStartArray(SummaryKeys.Outages);
        var outages = scenario.FaultsOrNone.Outages;
        for (int i = 0; i < outages.Count; i++)
        {
            var measured = reps.Select(r => r.Outages![i]).ToList();
            var recovered = measured.Where(m => !double.IsNaN(m.RecoverySeconds)).Select(m => m.RecoverySeconds).ToList();
            w.WriteStartObject();
            w.WriteString(SummaryKeys.Target, outages[i].Label);
            Number(w, SummaryKeys.StartSeconds, outages[i].StartSeconds);
            Number(w, SummaryKeys.EndSeconds, outages[i].EndSeconds);
            Statistic(w, SummaryKeys.ProofBacklogBefore, SummaryStatistic.FromValues(measured.Select(m => m.BacklogBefore).ToList()));
            Statistic(w, SummaryKeys.ProofBacklogPeak, SummaryStatistic.FromValues(measured.Select(m => m.PeakBacklog).ToList()));
            w.WriteNumber(SummaryKeys.RecoveredReplications, recovered.Count);
            Statistic(w, SummaryKeys.RecoverySeconds, recovered.Count == 0 ? null : SummaryStatistic.FromValues(recovered));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Requests whose policy chose a weaker path than it wanted because of load (after the warm-up): the
    /// total, its share of all decisions, and counts by "from->to" (hypothesis 3: drift to Vanilla).
    /// </summary>
    private static void WriteDowngrades(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
    {
        long total = reps.Sum(r => r.Metrics.Downgrades.Values.Sum());
        long decided = reps.Sum(r => r.Metrics.Decided);
        w.WriteStartObject(SummaryKeys.Downgrades);
        w.WriteNumber(SummaryKeys.Total, total);
        Number(w, SummaryKeys.Share, decided > 0 ? (double)total / decided : null);
        WriteCounts(w, SummaryKeys.ByPath, reps.SelectMany(r => r.Metrics.Downgrades));
        w.WriteEndObject();
    }

    /// <summary>An object of counts summed over replications, keys in ordinal order.</summary>
    private static void WriteCounts(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, long>> counts)
    {
        w.WriteStartObject(name);
        foreach (var group in counts.GroupBy(c => c.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
            w.WriteNumber(group.Key, group.Sum(c => c.Value));
        w.WriteEndObject();
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static void Number(Utf8JsonWriter w, string name, double? value) => JsonOutput.WriteNumberOrNull(w, name, value);

    private static void Statistic(Utf8JsonWriter w, string name, SummaryStatistic? s, bool unstable = false) =>
        JsonOutput.WriteSummaryStatistic(w, name, s, unstable);
}
