using System.Text;
using System.Text.Json;
using HacaSim.Analysis.Statistics;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments;

/// <summary>
/// Writes summary.json: the keys the issue fixes (users' scripts rely on them), every statistic as
/// {mean, ci95, p50, p95, p99, max}, numbers in shortest round-trip form so equal runs give equal bytes.
/// Counts are totals over all replications (so arrived = settled + failed + in_flight holds exactly);
/// statistics are means over replications with Student-t 95% half-widths (null for one replication).
/// </summary>
public static class RunSummaryWriter
{
    public static string Write(Scenario scenario, IReadOnlyList<ReplicationResult> reps)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Name);
            w.WriteNumber("seed", scenario.Run.Seed);
            w.WriteNumber("replications", reps.Count);
            Number(w, "duration_s", scenario.Run.DurationSeconds);
            Number(w, "warmup_s", scenario.Run.WarmupSeconds);
            WriteRequests(w, reps);
            WritePools(w, reps);
            WritePaths(w, reps);
            WriteStability(w, reps);
            WriteDecisions(w, reps);
            WriteDowngrades(w, reps);
            w.WriteNumber("events", reps.Sum(r => r.EventsFired));
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
        w.WriteStartObject("failed_by_reason");
        foreach (string reason in reps.SelectMany(r => r.Metrics.FailedByReason.Keys).Distinct().Order(StringComparer.Ordinal))
            w.WriteNumber(reason, reps.Sum(r => r.Metrics.FailedByReason.GetValueOrDefault(reason)));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePools(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
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
            Statistic(w, "utilization", SummaryStatistic.FromValues(all.Select(p => p.Utilization).ToList()));
            Statistic(w, "queue_length", SummaryStatistic.FromValues(all.Select(p => p.QueueLength).ToList()));
            Statistic(w, "in_service", SummaryStatistic.FromValues(all.Select(p => p.InService).ToList()));
            Statistic(w, "wait_s", Merge(all.Select(p => p.Wait)));
            Statistic(w, "service_s", Merge(all.Select(p => p.Service)));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject("paths");
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var all = reps.Select(r => r.Metrics.Path(path)).ToList();
            w.WriteStartObject(path.Key());
            w.WriteNumber("count", all.Sum(m => m.Count));
            Statistic(w, "result_latency_s", Merge(all.Select(m => m.ResultLatency)));
            Statistic(w, "proof_lag_s", Merge(all.Select(m => m.ProofLag)));
            Statistic(w, "time_to_trust_s", Merge(all.Select(m => m.TimeToTrust)));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteStability(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
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
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteDecisions(Utf8JsonWriter w, IReadOnlyList<ReplicationResult> reps)
    {
        w.WriteStartObject("decisions");
        foreach (string key in reps.SelectMany(r => r.Metrics.Decisions.Keys).Distinct().Order(StringComparer.Ordinal))
            w.WriteNumber(key, reps.Sum(r => r.Metrics.Decisions.GetValueOrDefault(key)));
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
        w.WriteStartObject("by_path");
        foreach (string key in reps.SelectMany(r => r.Metrics.Downgrades.Keys).Distinct().Order(StringComparer.Ordinal))
            w.WriteNumber(key, reps.Sum(r => r.Metrics.Downgrades.GetValueOrDefault(key)));
        w.WriteEndObject();
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

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Statistic(Utf8JsonWriter w, string name, SummaryStatistic? s)
    {
        w.WriteStartObject(name);
        Number(w, "mean", s?.Mean);
        Number(w, "ci95", s?.Ci95);
        Number(w, "p50", s?.P50);
        Number(w, "p95", s?.P95);
        Number(w, "p99", s?.P99);
        Number(w, "max", s?.Max);
        w.WriteEndObject();
    }
}
