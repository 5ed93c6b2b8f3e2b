using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Analysis.Reports;

/// <summary>A summary.json statistic: mean with its 95% half-width (null without one), p95, and the unstable mark.</summary>
public sealed record ReportStatistic(double? Mean, double? Ci95, double? P95, bool Unstable)
{
    public static ReportStatistic? From(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement e) || e.ValueKind != JsonValueKind.Object) return null;
        return new ReportStatistic(Number(e, "mean"), Number(e, "ci95"), Number(e, "p95"),
            e.TryGetProperty("unstable", out JsonElement u) && u.ValueKind == JsonValueKind.True);
    }

    internal static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}

public sealed record ReportPath(string Name, long Count, ReportStatistic? ResultLatency, ReportStatistic? ProofLag, ReportStatistic? TimeToTrust);

public sealed record ReportPool(string Name, int Nodes, int Slots, ReportStatistic? Utilization, ReportStatistic? QueueLength,
    ReportStatistic? Wait, bool Stable, ReportStatistic? Growth)
{
    /// <summary>Fraction of the pool's nodes up (below 1 only when the scenario has faults).</summary>
    public ReportStatistic? Availability { get; init; }
}

/// <summary>One scheduled outage and how the proof backlog rode it out.</summary>
public sealed record ReportOutage(string Target, double? StartSeconds, double? EndSeconds, ReportStatistic? BacklogBefore,
    ReportStatistic? PeakBacklog, long RecoveredReplications, ReportStatistic? RecoverySeconds);

/// <summary>What faults cost (summary.json "faults"): jobs interrupted, work lost and redone, retries, fallbacks, overflow, outages.</summary>
public sealed record ReportFaults(long InterruptedJobs, double? WorkLostSeconds, long Retries, IReadOnlyList<(string Key, long Count)> Fallbacks,
    IReadOnlyList<(string Key, long Count)> Overflow, IReadOnlyList<ReportOutage> Outages);

/// <summary>
/// What a report shows, read only from a results directory: summary.json and scenario.resolved.yaml
/// (so <c>hacasim report</c> works on a directory copied anywhere, without the simulator's types).
/// </summary>
public sealed record RunReportData(
    string Scenario,
    string Description,
    IReadOnlyList<(string Key, string Value)> Parameters,
    IReadOnlyList<(string Key, string Value)> RunSettings,
    int Replications,
    string CiMethod,
    string WarmupMethod,
    double? WarmupSeconds,
    bool WarmupReliable,
    (long Arrived, long Settled, long Failed, long InFlight) Requests,
    IReadOnlyList<ReportPath> Paths,
    IReadOnlyList<ReportPool> Pools,
    ReportPool? Settlement)
{
    /// <summary>The faults block, when summary.json has one.</summary>
    public ReportFaults? Faults { get; init; }

    /// <summary>The chain section, when summary.json has one (block mode).</summary>
    public ReportChain? Chain { get; init; }

    public const string SummaryFile = "summary.json";
    public const string ScenarioFile = "scenario.resolved.yaml";

    /// <param name="summaryJson">summary.json's text when it is not on disk yet (a run writes it last); read from the directory otherwise.</param>
    public static RunReportData Load(string directory, string? summaryJson = null)
    {
        string summaryPath = Path.Combine(directory, SummaryFile);
        if (summaryJson is null && !File.Exists(summaryPath))
            throw new FileNotFoundException($"{summaryPath}: no summary.json (not a complete results directory)", summaryPath);
        using JsonDocument doc = JsonDocument.Parse(summaryJson ?? File.ReadAllText(summaryPath));
        JsonElement s = doc.RootElement;
        (string description, var parameters, var run) = ReadScenario(Path.Combine(directory, ScenarioFile));

        JsonElement warmup = s.TryGetProperty("warmup", out JsonElement wu) ? wu : default;
        bool hasWarmup = warmup.ValueKind == JsonValueKind.Object;
        JsonElement requests = s.GetProperty("requests");
        JsonElement stability = s.GetProperty("stability");

        var paths = s.GetProperty("paths").EnumerateObject().Select(p => new ReportPath(p.Name, p.Value.GetProperty("count").GetInt64(),
            ReportStatistic.From(p.Value, "result_latency_s"), ReportStatistic.From(p.Value, "proof_lag_s"),
            ReportStatistic.From(p.Value, "time_to_trust_s"))).ToList();
        var pools = s.GetProperty("pools").EnumerateObject().Select(p => new ReportPool(p.Name,
            p.Value.GetProperty("nodes").GetInt32(), p.Value.GetProperty("slots").GetInt32(),
            ReportStatistic.From(p.Value, "utilization"), ReportStatistic.From(p.Value, "queue_length"), ReportStatistic.From(p.Value, "wait_s"),
            Stable(stability, p.Name), Growth(stability, p.Name)) { Availability = ReportStatistic.From(p.Value, "availability") }).ToList();
        ReportPool? settlement = stability.TryGetProperty("settlement", out _)
            ? new ReportPool("settlement", 0, 0, null, null, null, Stable(stability, "settlement"), Growth(stability, "settlement"))
            : null;

        return new RunReportData(
            s.GetProperty("scenario").GetString() ?? "",
            description,
            parameters,
            run,
            s.GetProperty("replications").GetInt32(),
            s.TryGetProperty("ci_method", out JsonElement cm) ? cm.GetString() ?? "replications" : "replications",
            hasWarmup ? warmup.GetProperty("method").GetString() ?? "fixed" : "fixed",
            hasWarmup ? ReportStatistic.Number(warmup, "seconds") : ReportStatistic.Number(s, "warmup_s"),
            !hasWarmup || warmup.GetProperty("reliable").GetBoolean(),
            (requests.GetProperty("arrived").GetInt64(), requests.GetProperty("settled").GetInt64(),
                requests.GetProperty("failed").GetInt64(), requests.GetProperty("in_flight").GetInt64()),
            paths, pools, settlement)
        {
            Faults = s.TryGetProperty("faults", out JsonElement f) ? ReadFaults(f) : null,
            Chain = ReportChain.From(s),
        };
    }

    private static ReportFaults ReadFaults(JsonElement f)
    {
        static List<(string, long)> Counts(JsonElement parent, string name) => parent.TryGetProperty(name, out JsonElement e)
            ? e.EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())).ToList() : [];
        var outages = f.TryGetProperty("outages", out JsonElement o)
            ? o.EnumerateArray().Select(x => new ReportOutage(x.GetProperty("target").GetString() ?? "", ReportStatistic.Number(x, "start_s"),
                ReportStatistic.Number(x, "end_s"), ReportStatistic.From(x, "proof_backlog_before"), ReportStatistic.From(x, "proof_backlog_peak"),
                x.GetProperty("recovered_replications").GetInt64(), ReportStatistic.From(x, "recovery_s"))).ToList()
            : [];
        return new ReportFaults(f.GetProperty("interrupted_jobs").GetInt64(), ReportStatistic.Number(f, "work_lost_s"),
            f.GetProperty("retries").GetInt64(), Counts(f, "fallbacks"), Counts(f, "overflow"), outages);
    }

    private static bool Stable(JsonElement stability, string pool) =>
        !stability.TryGetProperty(pool, out JsonElement e) || e.GetProperty("stable").GetBoolean();

    private static ReportStatistic? Growth(JsonElement stability, string pool) =>
        stability.TryGetProperty(pool, out JsonElement e) ? ReportStatistic.From(e, "backlog_growth_per_s") : null;

    /// <summary>Description, declared parameters and run settings from the resolved scenario (empty when the file is missing).</summary>
    private static (string, List<(string, string)>, List<(string, string)>) ReadScenario(string path)
    {
        var parameters = new List<(string, string)>();
        var run = new List<(string, string)>();
        if (!File.Exists(path)) return ("", parameters, run);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root) return ("", parameters, run);
        string description = root.Children.TryGetValue(new YamlScalarNode("description"), out YamlNode? d) && d is YamlScalarNode ds
            ? (ds.Value ?? "").Trim() : "";
        Flatten(root, "parameters", parameters);
        Flatten(root, "run", run);
        return (description, parameters, run);
    }

    private static void Flatten(YamlMappingNode root, string key, List<(string, string)> into)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) || node is not YamlMappingNode map) return;
        foreach (var (k, v) in map.Children)
            into.Add(((k as YamlScalarNode)?.Value ?? "?", v is YamlScalarNode sv ? sv.Value ?? "" : v.ToString()));
    }
}
