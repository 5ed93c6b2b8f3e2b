using System.Text.Json;
using System.Text;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Catalog;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Run;
using HacaSim.Model;
using HacaSim.Scenarios;

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
        var marks = new UnstableMarks(scenario, reps);
        WarmupChoice warmupChoice = annotations?.Warmup ?? FixedWarmup(scenario, reps);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Name);
            w.WriteNumber("seed", scenario.Run.Seed);
            w.WriteNumber("replications", reps.Count);
            Number(w, "duration_s", scenario.Run.DurationSeconds);
            Number(w, "warmup_s", scenario.Run.WarmupSeconds);
            w.WriteString("ci_method", reps.Count == 1 ? CiByBatchMeans : CiByReplications);
            WriteWarmup(w, warmupChoice);
            if (annotations?.Precision is { } precision) WritePrecision(w, precision);
            WriteRequests(w, reps);
            WritePools(w, reps, marks);
            WritePaths(w, reps, marks);
            CapacityReport capacity = CapacityModel.Analyse(scenario, ScenarioCatalogs.Default);
            var judged = new BacklogVerdicts(scenario, reps, capacity);
            WriteStability(w, reps, judged);
            ChainSummaryWriter.Write(w, scenario, reps, judged.Of(TimeSeriesSampler.SettlementPool));
            CapacityWriter.WriteJson(w, capacity);
            CostWriter.Write(w, scenario, reps, capacity);
            WriteCounts(w, "decisions", reps.SelectMany(r => r.Metrics.Decisions));
            WriteFaults(w, scenario, reps);
            WriteDowngrades(w, reps);
            w.WriteNumber("events", reps.Sum(r => r.EventsFired));
            WriteClasses(w, scenario, reps);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRequests(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject("requests");
        w.WriteNumber("arrived", reps.Sum(r => r.Metrics.Arrived));
        w.WriteNumber("settled", reps.Sum(r => r.Metrics.Settled));
        w.WriteNumber("failed", reps.Sum(r => r.Metrics.Failed));
        w.WriteNumber("in_flight", reps.Sum(r => r.Metrics.InFlight));
        WriteCounts(w, "failed_by_reason", reps.SelectMany(r => r.Metrics.FailedByReason));
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
        w.WriteStartObject("warmup");
        w.WriteString("method", warmup.Method);
        Number(w, "seconds", warmup.Seconds);
        w.WriteBoolean("reliable", warmup.Reliable);
        Number(w, "mser5_s", warmup.DetectedSeconds);
        if (warmup.Pool is null) w.WriteNull("mser5_pool");
        else w.WriteString("mser5_pool", warmup.Pool);
        w.WriteEndObject();
    }

    private static void WritePrecision(Utf8JsonWriter w, PrecisionOutcome p)
    {
        w.WriteStartObject("precision");
        w.WriteString("metric", p.Metric);
        Number(w, "target_relative_half_width", p.TargetRelativeHalfWidth);
        Number(w, "relative_half_width", p.RelativeHalfWidth);
        w.WriteBoolean("met", p.Met);
        w.WriteNumber("max_replications", p.MaxReplications);
        w.WriteEndObject();
    }

    private static void WritePools(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps, UnstableMarks marks)
    {
        w.WriteStartObject("pools");
        foreach (PoolResult first in reps[0].Pools)
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            bool unstable = Unstable(all.Select(p => p.Stability));
            w.WriteStartObject(first.Name);
            w.WriteNumber("nodes", first.Nodes);
            w.WriteNumber("slots", first.Slots);
            w.WriteBoolean("unstable", unstable);
            Statistic(w, "utilization", SummaryStatistic.FromValues(all.Select(p => p.Utilization).ToList()), unstable);
            Statistic(w, "queue_length", SummaryStatistic.FromValues(all.Select(p => p.QueueLength).ToList()), unstable);
            Statistic(w, "in_service", SummaryStatistic.FromValues(all.Select(p => p.InService).ToList()), unstable);
            Statistic(w, "wait_s", WithBatchMeans(Merge(all.Select(p => p.Wait)), all.Select(p => p.WaitBatches)), unstable);
            Statistic(w, "service_s", Merge(all.Select(p => p.Service)), unstable);
            Statistic(w, "availability", SummaryStatistic.FromValues(all.Select(p => p.Availability).ToList()));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps, UnstableMarks marks)
    {
        w.WriteStartObject("paths");
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var all = reps.Select(r => r.Metrics.Path(path)).ToList();
            w.WriteStartObject(path.Key());
            w.WriteNumber("count", all.Sum(m => m.Count));
            bool trust = marks.Trust(path);
            Statistic(w, "result_latency_s", WithBatchMeans(Merge(all.Select(m => m.ResultLatency)), all.Select(m => m.ResultLatencyBatches)),
                marks.ResultLatency(path));
            Statistic(w, "proof_lag_s", WithBatchMeans(Merge(all.Select(m => m.ProofLag)), all.Select(m => m.ProofLagBatches)), trust);
            Statistic(w, "time_to_trust_s", WithBatchMeans(Merge(all.Select(m => m.TimeToTrust)), all.Select(m => m.TimeToTrustBatches)), trust);
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
        w.WriteStartObject("classes");
        for (int i = 0; i < scenario.Traffic.Classes.Count; i++)
        {
            RequestClassConfig config = scenario.Traffic.Classes[i];
            var all = reps.Select(r => i < r.Metrics.Classes.Count ? r.Metrics.Classes[i] : new ClassMetrics()).ToList();
            w.WriteStartObject(config.Name);
            w.WriteNumber("count", all.Sum(c => c.Count));
            w.WriteNumber("settled", all.Sum(c => c.Settled));
            Number(w, "deadline_s", config.DeadlineSeconds);
            Statistic(w, "time_to_trust_s", Merge(all.Select(c => c.TimeToTrust)));
            Statistic(w, "over_deadline_share", config.DeadlineSeconds is null || all.Any(c => c.Settled == 0) ? null
                : SummaryStatistic.FromValues(all.Select(c => (double)c.OverDeadline / c.Settled).ToList()));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteStability(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps, BacklogVerdicts judged)
    {
        w.WriteStartObject("stability");
        foreach (PoolResult first in reps[0].Pools)
        {
            var verdicts = reps.Select(r => r.Pools.First(p => p.Name == first.Name).Stability).ToList();
            w.WriteStartObject(first.Name);
            w.WriteBoolean("stable", !Unstable(verdicts));
            var growth = SummaryStatistic.FromValues(verdicts.Select(v => v.GrowthPerSecond).ToList());
            // One replication: the interval comes from the trend fit itself.
            if (verdicts.Count == 1) growth = growth with { Ci95 = Finite(verdicts[0].GrowthCi95) };
            Statistic(w, "backlog_growth_per_s", growth);
            WriteVerdict(w, judged.Of(first.Name));
            w.WriteEndObject();
        }
        if (reps.All(r => r.SettlementStability is not null))
        {
            var verdicts = reps.Select(r => r.SettlementStability!).ToList();
            w.WriteStartObject(TimeSeriesSampler.SettlementPool);
            w.WriteBoolean("stable", !Unstable(verdicts));
            var growth = SummaryStatistic.FromValues(verdicts.Select(v => v.GrowthPerSecond).ToList());
            if (verdicts.Count == 1) growth = growth with { Ci95 = Finite(verdicts[0].GrowthCi95) };
            Statistic(w, "backlog_growth_per_s", growth);
            WriteVerdict(w, judged.Of(TimeSeriesSampler.SettlementPool));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The three-state verdict beside the boolean (which keeps its meaning: the trend test alone).</summary>
    private static void WriteVerdict(Utf8JsonWriter w, ThreeStateVerdict? v)
    {
        if (v is null) return;
        w.WriteString("verdict", v.State.Key());
        w.WriteString("verdict_reason", v.Reason);
        Number(w, "relaxation_s", v.RelaxationSeconds);
        Number(w, "settle_run_s", v.SettleRunSeconds);
    }


    /// <summary>
    /// What faults cost: jobs interrupted, the service they had received (work lost, to be redone),
    /// retries, fallbacks by path, and for each scheduled outage the proof backlog's recovery time.
    /// </summary>
    private static void WriteFaults(Utf8JsonWriter w, Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject("faults");
        w.WriteNumber("interrupted_jobs", reps.Sum(r => r.Metrics.InterruptedJobs));
        Number(w, "work_lost_s", reps.Sum(r => r.Metrics.WorkLostSeconds));
        w.WriteNumber("retries", reps.Sum(r => r.Metrics.Retries));
        WriteCounts(w, "overflow", reps.SelectMany(r => r.Metrics.Overflow));
        WriteCounts(w, "fallbacks", reps.SelectMany(r => r.Metrics.Fallbacks));
        w.WriteStartArray("outages");
        var outages = scenario.FaultsOrNone.Outages;
        for (int i = 0; i < outages.Count; i++)
        {
            var measured = reps.Select(r => r.Outages![i]).ToList();
            var recovered = measured.Where(m => !double.IsNaN(m.RecoverySeconds)).Select(m => m.RecoverySeconds).ToList();
            w.WriteStartObject();
            w.WriteString("target", outages[i].Label);
            Number(w, "start_s", outages[i].StartSeconds);
            Number(w, "end_s", outages[i].EndSeconds);
            Statistic(w, "proof_backlog_before", SummaryStatistic.FromValues(measured.Select(m => m.BacklogBefore).ToList()));
            Statistic(w, "proof_backlog_peak", SummaryStatistic.FromValues(measured.Select(m => m.PeakBacklog).ToList()));
            w.WriteNumber("recovered_replications", recovered.Count);
            Statistic(w, "recovery_s", recovered.Count == 0 ? null : SummaryStatistic.FromValues(recovered));
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
        w.WriteStartObject("downgrades");
        w.WriteNumber("total", total);
        Number(w, "share", decided > 0 ? (double)total / decided : null);
        WriteCounts(w, "by_path", reps.SelectMany(r => r.Metrics.Downgrades));
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

    /// <summary>Unstable when most replications say so (a single replication decides alone).</summary>
    public static bool Unstable(IEnumerable<StabilityVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return list.Count(v => !v.Stable) * 2 > list.Count;
    }

    /// <summary>Across replications; null when no replication observed anything.</summary>
    public static SummaryStatistic? Merge(IEnumerable<SampleStatistic> perReplication)
    {
        var observed = perReplication.Where(s => s.Count > 0).ToList();
        return observed.Count == 0 ? null : SummaryStatistic.FromReplications(observed);
    }

    /// <summary>
    /// With one replication there is no spread across replications: take the half-width from batch means
    /// of that replication's observations (in completion order) instead.
    /// </summary>
    public static SummaryStatistic? WithBatchMeans(SummaryStatistic? s, IEnumerable<BatchMeans?> perReplication)
    {
        var batches = perReplication.ToList();
        if (s is null || batches.Count != 1 || batches[0] is not { } b) return s;
        return s with { Ci95 = Finite(b.Interval().HalfWidth) };
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static void Number(Utf8JsonWriter w, string name, double? value) => JsonOutput.WriteNumberOrNull(w, name, value);

    private static void Statistic(Utf8JsonWriter w, string name, SummaryStatistic? s, bool unstable = false) =>
        JsonOutput.WriteSummaryStatistic(w, name, s, unstable);
}
