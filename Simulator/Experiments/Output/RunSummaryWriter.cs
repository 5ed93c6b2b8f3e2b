using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>summary.json: <paramref name="summary"/> serialised (its <see cref="Tree"/>, indented, LF line ends).</summary>
    public static string Write(RunSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            Tree(summary).WriteTo(w);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// summary.json as an in-memory tree, section by section in the file's order: what <see cref="Write"/> serialises and
    /// what a <c>plan</c> target's key path is read from in-process (no text is parsed back).
    /// </summary>
    public static JsonObject Tree(RunSummary summary)
    {
        Scenario scenario = summary.Scenario;
        var o = new JsonObject
        {
            [SummaryKeys.Scenario] = scenario.Name,
            [SummaryKeys.Seed] = scenario.Run.Seed,
            [SummaryKeys.Replications] = summary.Replications,
            [SummaryKeys.DurationSeconds] = Number(scenario.Run.DurationSeconds),
            [SummaryKeys.WarmupSeconds] = Number(scenario.Run.WarmupSeconds),
            [SummaryKeys.CiMethod] = summary.CiMethod.Key(),
            [SummaryKeys.Warmup] = Warmup(summary.Warmup),
        };
        if (summary.Precision is { } precision) o[SummaryKeys.Precision] = Precision(precision);
        o[SummaryKeys.Requests] = Requests(summary.Requests);
        o[SummaryKeys.Pools] = Pools(summary.Pools);
        o[SummaryKeys.Paths] = Paths(summary.Paths);
        o[SummaryKeys.Stability] = Stability(summary.Stability);
        o[SummaryKeys.Chain] = ChainSummaryWriter.Node(summary.Chain);
        o[SummaryKeys.Capacity] = CapacityWriter.Node(summary.Capacity);
        o[SummaryKeys.Cost] = CostWriter.Node(summary.Cost);
        o[SummaryKeys.Decisions] = Counts(summary.Decisions);
        o[SummaryKeys.Faults] = Faults(summary.Faults);
        o[SummaryKeys.Downgrades] = Downgrades(summary.Downgrades);
        o[SummaryKeys.Events] = summary.Events;
        o[SummaryKeys.Classes] = Classes(summary.Classes);
        return o;
    }

    private static JsonObject Requests(RequestCounts r) => new()
    {
        [SummaryKeys.Arrived] = r.Arrived,
        [SummaryKeys.Settled] = r.Settled,
        [SummaryKeys.Failed] = r.Failed,
        [SummaryKeys.InFlight] = r.InFlight,
        [SummaryKeys.FailedByReason] = Counts(r.FailedByReason),
    };

    private static JsonObject Warmup(WarmupChoice warmup) => new()
    {
        [SummaryKeys.Method] = warmup.Method.Key(),
        [SummaryKeys.Seconds] = Number(warmup.Seconds),
        [SummaryKeys.Reliable] = warmup.Reliable,
        [SummaryKeys.Mser5Seconds] = Number(warmup.DetectedSeconds),
        [SummaryKeys.Mser5Pool] = warmup.Pool,
    };

    private static JsonObject Precision(PrecisionOutcome p) => new()
    {
        [SummaryKeys.Metric] = p.Metric,
        [SummaryKeys.TargetRelativeHalfWidth] = Number(p.TargetRelativeHalfWidth),
        [SummaryKeys.RelativeHalfWidth] = Number(p.RelativeHalfWidth),
        [SummaryKeys.Met] = p.Met,
        [SummaryKeys.MaxReplications] = p.MaxReplications,
    };

    private static JsonObject Pools(IReadOnlyList<PoolSummary> pools)
    {
        var o = new JsonObject();
        foreach (PoolSummary p in pools)
        {
            o[p.Name] = new JsonObject
            {
                [SummaryKeys.Nodes] = p.Nodes,
                [SummaryKeys.Slots] = p.Slots,
                [SummaryKeys.Unstable] = p.Unstable,
                [SummaryKeys.Utilization] = Statistic(p.Utilization, p.Unstable),
                [SummaryKeys.QueueLength] = Statistic(p.QueueLength, p.Unstable),
                [SummaryKeys.InService] = Statistic(p.InService, p.Unstable),
                [SummaryKeys.WaitSeconds] = Statistic(p.Wait, p.Unstable),
                [SummaryKeys.ServiceSeconds] = Statistic(p.Service, p.Unstable),
                [SummaryKeys.Availability] = Statistic(p.Availability),
            };
        }
        return o;
    }

    private static JsonObject Paths(IReadOnlyList<PathSummary> paths)
    {
        var o = new JsonObject();
        foreach (PathSummary p in paths)
        {
            o[p.Path.Key()] = new JsonObject
            {
                [SummaryKeys.Count] = p.Count,
                [SummaryKeys.ResultLatencySeconds] = Statistic(p.ResultLatency, p.ResultLatencyUnstable),
                [SummaryKeys.ProofLagSeconds] = Statistic(p.ProofLag, p.TrustUnstable),
                [SummaryKeys.TimeToTrustSeconds] = Statistic(p.TimeToTrust, p.TrustUnstable),
            };
        }
        return o;
    }

    /// <summary>Appended: per request class, time to trust (with its p99) and the share settled later than the class's deadline_s.</summary>
    private static JsonObject Classes(IReadOnlyList<ClassSummary> classes)
    {
        var o = new JsonObject();
        foreach (ClassSummary c in classes)
        {
            o[c.Name] = new JsonObject
            {
                [SummaryKeys.Count] = c.Count,
                [SummaryKeys.Settled] = c.Settled,
                [SummaryKeys.DeadlineSeconds] = Number(c.DeadlineSeconds),
                [SummaryKeys.TimeToTrustSeconds] = Statistic(c.TimeToTrust),
                [SummaryKeys.OverDeadlineShare] = Statistic(c.OverDeadlineShare),
            };
        }
        return o;
    }

    private static JsonObject Stability(IReadOnlyList<BacklogSummary> backlogs)
    {
        var o = new JsonObject();
        foreach (BacklogSummary b in backlogs)
        {
            var backlog = new JsonObject
            {
                [SummaryKeys.Stable] = b.Stable,
                [SummaryKeys.BacklogGrowthPerSecond] = Statistic(b.Growth),
            };
            // The three-state verdict beside the boolean (which keeps its meaning: the trend test alone).
            if (b.Verdict is { } v)
            {
                backlog[SummaryKeys.Verdict] = v.State.Key();
                backlog[SummaryKeys.VerdictReason] = v.Reason;
                backlog[SummaryKeys.RelaxationSeconds] = Number(v.RelaxationSeconds);
                backlog[SummaryKeys.SettleRunSeconds] = Number(v.SettleRunSeconds);
            }
            o[b.Name] = backlog;
        }
        return o;
    }

    /// <summary>What faults cost: jobs interrupted, work lost, retries, overflow, fallbacks, and each scheduled outage's recovery.</summary>
    private static JsonObject Faults(FaultsSummary f) => new()
    {
        [SummaryKeys.InterruptedJobs] = f.InterruptedJobs,
        [SummaryKeys.WorkLostSeconds] = Number(f.WorkLostSeconds),
        [SummaryKeys.Retries] = f.Retries,
        [SummaryKeys.Overflow] = Counts(f.Overflow),
        [SummaryKeys.Fallbacks] = Counts(f.Fallbacks),
        [SummaryKeys.Outages] = new JsonArray([.. f.Outages.Select(o => (JsonNode)new JsonObject
        {
            [SummaryKeys.Target] = o.Target,
            [SummaryKeys.StartSeconds] = Number(o.StartSeconds),
            [SummaryKeys.EndSeconds] = Number(o.EndSeconds),
            [SummaryKeys.ProofBacklogBefore] = Statistic(o.BacklogBefore),
            [SummaryKeys.ProofBacklogPeak] = Statistic(o.PeakBacklog),
            [SummaryKeys.RecoveredReplications] = o.RecoveredReplications,
            [SummaryKeys.RecoverySeconds] = Statistic(o.RecoverySeconds),
        })]),
    };

    /// <summary>Requests whose policy chose a weaker path than it wanted because of load (hypothesis 3: drift to Vanilla).</summary>
    private static JsonObject Downgrades(DowngradeSummary d) => new()
    {
        [SummaryKeys.Total] = d.Total,
        [SummaryKeys.Share] = Number(d.Share),
        [SummaryKeys.ByPath] = Counts(d.ByPath),
    };

    /// <summary>An object of counts (already summed over replications, keys in ordinal order).</summary>
    private static JsonObject Counts(IReadOnlyList<KeyValuePair<string, long>> counts) =>
        new(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));

    private static JsonNode? Number(double? value) => JsonOutput.NumberOrNull(value);

    private static JsonObject Statistic(SummaryStatistic? s, bool unstable = false) => JsonOutput.SummaryStatisticNode(s, unstable);
}
