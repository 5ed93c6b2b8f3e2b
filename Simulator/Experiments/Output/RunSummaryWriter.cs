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

namespace HacaSim.Experiments.Output;

/// <summary>
/// Writes summary.json from a <see cref="RunSummary"/>: the keys the issue fixes (users' scripts rely on them), every statistic as
/// {mean, ci95, p50, p95, p99, max}, numbers in shortest round-trip form so equal runs give equal bytes.
/// Counts are totals over all replications (so arrived = settled + failed + in_flight holds exactly);
/// statistics are means over replications with Student-t 95% half-widths. With one replication the
/// per-request means (path latencies, pool waits) get a batch-means half-width instead ("ci_method").
/// A statistic fed by a backlog that grows without bound carries "unstable": true (see <see cref="UnstableMarks"/>).
/// </summary>
public static class RunSummaryWriter
{
    /// <summary>summary.json of the replications (builds their <see cref="RunSummary"/> first).</summary>
    public static string Write(Scenario scenario, IReadOnlyList<ReplicationResult> reps, RunAnnotations? annotations = null) =>
        Write(RunSummaries.Of(scenario, reps, annotations));

    /// <summary>summary.json: <paramref name="summary"/> serialised, section by section in the file's order.</summary>
    public static string Write(RunSummary summary)
    {
        Scenario scenario = summary.Scenario;
        IReadOnlyList<ReplicationResult> reps = summary.Results;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString(SummaryKeys.Scenario, scenario.Name);
            w.WriteNumber(SummaryKeys.Seed, scenario.Run.Seed);
            w.WriteNumber(SummaryKeys.Replications, summary.Replications);
            Number(w, SummaryKeys.DurationSeconds, scenario.Run.DurationSeconds);
            Number(w, SummaryKeys.WarmupSeconds, scenario.Run.WarmupSeconds);
            w.WriteString(SummaryKeys.CiMethod, summary.CiMethod);
            WriteWarmup(w, summary.Warmup);
            if (summary.Precision is { } precision) WritePrecision(w, precision);
            WriteRequests(w, summary.Requests);
            WritePools(w, summary.Pools);
            WritePaths(w, summary.Paths);
            WriteStability(w, summary.Stability);
            ChainSummaryWriter.Write(w, scenario, reps, summary.Verdicts.Of(TimeSeriesSampler.SettlementPool), summary.Marks);
            CapacityWriter.WriteJson(w, summary.Capacity);
            CostWriter.Write(w, scenario, reps, summary.Capacity);
            WriteCounts(w, SummaryKeys.Decisions, summary.Decisions);
            WriteFaults(w, summary.Faults);
            WriteDowngrades(w, summary.Downgrades);
            w.WriteNumber(SummaryKeys.Events, summary.Events);
            WriteClasses(w, summary.Classes);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRequests(Utf8JsonWriter w, RequestCounts r)
    {
        w.WriteStartObject(SummaryKeys.Requests);
        w.WriteNumber(SummaryKeys.Arrived, r.Arrived);
        w.WriteNumber(SummaryKeys.Settled, r.Settled);
        w.WriteNumber(SummaryKeys.Failed, r.Failed);
        w.WriteNumber(SummaryKeys.InFlight, r.InFlight);
        WriteCounts(w, SummaryKeys.FailedByReason, r.FailedByReason);
        w.WriteEndObject();
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

    private static void WritePools(Utf8JsonWriter w, IReadOnlyList<PoolSummary> pools)
    {
        w.WriteStartObject(SummaryKeys.Pools);
        foreach (PoolSummary p in pools)
        {
            w.WriteStartObject(p.Name);
            w.WriteNumber(SummaryKeys.Nodes, p.Nodes);
            w.WriteNumber(SummaryKeys.Slots, p.Slots);
            w.WriteBoolean(SummaryKeys.Unstable, p.Unstable);
            Statistic(w, SummaryKeys.Utilization, p.Utilization, p.Unstable);
            Statistic(w, SummaryKeys.QueueLength, p.QueueLength, p.Unstable);
            Statistic(w, SummaryKeys.InService, p.InService, p.Unstable);
            Statistic(w, SummaryKeys.WaitSeconds, p.Wait, p.Unstable);
            Statistic(w, SummaryKeys.ServiceSeconds, p.Service, p.Unstable);
            Statistic(w, SummaryKeys.Availability, p.Availability);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter w, IReadOnlyList<PathSummary> paths)
    {
        w.WriteStartObject(SummaryKeys.Paths);
        foreach (PathSummary p in paths)
        {
            w.WriteStartObject(p.Path.Key());
            w.WriteNumber(SummaryKeys.Count, p.Count);
            Statistic(w, SummaryKeys.ResultLatencySeconds, p.ResultLatency, p.ResultLatencyUnstable);
            Statistic(w, SummaryKeys.ProofLagSeconds, p.ProofLag, p.TrustUnstable);
            Statistic(w, SummaryKeys.TimeToTrustSeconds, p.TimeToTrust, p.TrustUnstable);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Appended: per request class, time to trust (with its p99) and the share settled later than the class's deadline_s.</summary>
    private static void WriteClasses(Utf8JsonWriter w, IReadOnlyList<ClassSummary> classes)
    {
        w.WriteStartObject(SummaryKeys.Classes);
        foreach (ClassSummary c in classes)
        {
            w.WriteStartObject(c.Name);
            w.WriteNumber(SummaryKeys.Count, c.Count);
            w.WriteNumber(SummaryKeys.Settled, c.Settled);
            Number(w, SummaryKeys.DeadlineSeconds, c.DeadlineSeconds);
            Statistic(w, SummaryKeys.TimeToTrustSeconds, c.TimeToTrust);
            Statistic(w, SummaryKeys.OverDeadlineShare, c.OverDeadlineShare);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteStability(Utf8JsonWriter w, IReadOnlyList<BacklogSummary> backlogs)
    {
        w.WriteStartObject(SummaryKeys.Stability);
        foreach (BacklogSummary b in backlogs)
        {
            w.WriteStartObject(b.Name);
            w.WriteBoolean(SummaryKeys.Stable, b.Stable);
            Statistic(w, SummaryKeys.BacklogGrowthPerSecond, b.Growth);
            WriteVerdict(w, b.Verdict);
            w.WriteEndObject();
        }
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

    /// <summary>What faults cost: jobs interrupted, work lost, retries, overflow, fallbacks, and each scheduled outage's recovery.</summary>
    private static void WriteFaults(Utf8JsonWriter w, FaultsSummary f)
    {
        w.WriteStartObject(SummaryKeys.Faults);
        w.WriteNumber(SummaryKeys.InterruptedJobs, f.InterruptedJobs);
        Number(w, SummaryKeys.WorkLostSeconds, f.WorkLostSeconds);
        w.WriteNumber(SummaryKeys.Retries, f.Retries);
        WriteCounts(w, SummaryKeys.Overflow, f.Overflow);
        WriteCounts(w, SummaryKeys.Fallbacks, f.Fallbacks);
        w.WriteStartArray(SummaryKeys.Outages);
        foreach (OutageSummary o in f.Outages)
        {
            w.WriteStartObject();
            w.WriteString(SummaryKeys.Target, o.Target);
            Number(w, SummaryKeys.StartSeconds, o.StartSeconds);
            Number(w, SummaryKeys.EndSeconds, o.EndSeconds);
            Statistic(w, SummaryKeys.ProofBacklogBefore, o.BacklogBefore);
            Statistic(w, SummaryKeys.ProofBacklogPeak, o.PeakBacklog);
            w.WriteNumber(SummaryKeys.RecoveredReplications, o.RecoveredReplications);
            Statistic(w, SummaryKeys.RecoverySeconds, o.RecoverySeconds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Requests whose policy chose a weaker path than it wanted because of load (hypothesis 3: drift to Vanilla).</summary>
    private static void WriteDowngrades(Utf8JsonWriter w, DowngradeSummary d)
    {
        w.WriteStartObject(SummaryKeys.Downgrades);
        w.WriteNumber(SummaryKeys.Total, d.Total);
        Number(w, SummaryKeys.Share, d.Share);
        WriteCounts(w, SummaryKeys.ByPath, d.ByPath);
        w.WriteEndObject();
    }

    /// <summary>An object of counts (already summed over replications, keys in ordinal order).</summary>
    private static void WriteCounts(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, long>> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, count) in counts) w.WriteNumber(key, count);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value) => JsonOutput.WriteNumberOrNull(w, name, value);

    private static void Statistic(Utf8JsonWriter w, string name, SummaryStatistic? s, bool unstable = false) =>
        JsonOutput.WriteSummaryStatistic(w, name, s, unstable);
}
