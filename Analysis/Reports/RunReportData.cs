using System.Text.Json;
using HacaSim.Analysis.Output;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Analysis.Reports;

/// <summary>A summary.json statistic: mean with its 95% half-width (null without one), p95, and the unstable mark.</summary>
public sealed record ReportStatistic(double? Mean, double? Ci95, double? P95, bool Unstable)
{
    public static ReportStatistic? From(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement e) || e.ValueKind != JsonValueKind.Object) return null;
        return new ReportStatistic(Number(e, SummaryKeys.Mean), Number(e, SummaryKeys.Ci95), Number(e, SummaryKeys.P95),
            e.TryGetProperty(SummaryKeys.Unstable, out JsonElement u) && u.ValueKind == JsonValueKind.True);
    }

    internal static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}

public sealed record ReportPath(string Name, long Count, ReportStatistic? ResultLatency, ReportStatistic? ProofLag, ReportStatistic? TimeToTrust);

public sealed record ReportPool(string Name, int Nodes, int Slots, ReportStatistic? Utilization, ReportStatistic? QueueLength,
    ReportStatistic? Wait, bool Stable, ReportStatistic? Growth)
{
    /// <summary>The three-state verdict (stable, critical, unstable) and its reason; older summaries have only the boolean.</summary>
    public string Verdict { get; init; } = Stable ? "stable" : "unstable";
    public string VerdictReason { get; init; } = "";

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

    /// <summary>The simulated duration of each replication (summary.json duration_s), when known.</summary>
    public double? DurationSeconds { get; init; }

    public const string SummaryFile = "summary.json";
    public const string ScenarioFile = "scenario.resolved.yaml";

    /// <summary>
    /// The report's data read back from a results directory's files: the one reader of summary.json's text, for
    /// <c>hacasim report DIR</c> (a run builds its own report from its typed summary in-process, with the same result).
    /// </summary>
    public static RunReportData Load(string directory)
    {
        string summaryPath = Path.Combine(directory, SummaryFile);
        if (!File.Exists(summaryPath))
            throw new FileNotFoundException($"{summaryPath}: no summary.json (not a complete results directory)", summaryPath);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(summaryPath));
        JsonElement s = doc.RootElement;
        string scenarioPath = Path.Combine(directory, ScenarioFile);
        (string description, var parameters, var run) = File.Exists(scenarioPath) ? ReadScenario(File.ReadAllText(scenarioPath)) : ("", [], []);

        JsonElement warmup = s.TryGetProperty(SummaryKeys.Warmup, out JsonElement wu) ? wu : default;
        bool hasWarmup = warmup.ValueKind == JsonValueKind.Object;
        JsonElement requests = s.GetProperty(SummaryKeys.Requests);
        JsonElement stability = s.GetProperty(SummaryKeys.Stability);

        var paths = s.GetProperty(SummaryKeys.Paths).EnumerateObject().Select(p => new ReportPath(p.Name, p.Value.GetProperty(SummaryKeys.Count).GetInt64(),
            ReportStatistic.From(p.Value, SummaryKeys.ResultLatencySeconds), ReportStatistic.From(p.Value, SummaryKeys.ProofLagSeconds),
            ReportStatistic.From(p.Value, SummaryKeys.TimeToTrustSeconds))).ToList();
        var pools = s.GetProperty(SummaryKeys.Pools).EnumerateObject().Select(p => new ReportPool(p.Name,
            p.Value.GetProperty(SummaryKeys.Nodes).GetInt32(), p.Value.GetProperty(SummaryKeys.Slots).GetInt32(),
            ReportStatistic.From(p.Value, SummaryKeys.Utilization), ReportStatistic.From(p.Value, SummaryKeys.QueueLength), ReportStatistic.From(p.Value, SummaryKeys.WaitSeconds),
            Stable(stability, p.Name), Growth(stability, p.Name))
            {
                Availability = ReportStatistic.From(p.Value, SummaryKeys.Availability),
                Verdict = VerdictOf(stability, p.Name) ?? (Stable(stability, p.Name) ? "stable" : "unstable"),
                VerdictReason = ReasonOf(stability, p.Name),
            }).ToList();
        ReportPool? settlement = stability.TryGetProperty("settlement", out _)
            ? new ReportPool("settlement", 0, 0, null, null, null, Stable(stability, "settlement"), Growth(stability, "settlement"))
            {
                Verdict = VerdictOf(stability, "settlement") ?? (Stable(stability, "settlement") ? "stable" : "unstable"),
                VerdictReason = ReasonOf(stability, "settlement"),
            }
            : null;

        return new RunReportData(
            s.GetProperty(SummaryKeys.Scenario).GetString() ?? "",
            description,
            parameters,
            run,
            s.GetProperty(SummaryKeys.Replications).GetInt32(),
            s.TryGetProperty(SummaryKeys.CiMethod, out JsonElement cm) ? cm.GetString() ?? "replications" : "replications",
            hasWarmup ? warmup.GetProperty(SummaryKeys.Method).GetString() ?? "fixed" : "fixed",
            hasWarmup ? ReportStatistic.Number(warmup, SummaryKeys.Seconds) : ReportStatistic.Number(s, SummaryKeys.WarmupSeconds),
            !hasWarmup || warmup.GetProperty(SummaryKeys.Reliable).GetBoolean(),
            (requests.GetProperty(SummaryKeys.Arrived).GetInt64(), requests.GetProperty(SummaryKeys.Settled).GetInt64(),
                requests.GetProperty(SummaryKeys.Failed).GetInt64(), requests.GetProperty(SummaryKeys.InFlight).GetInt64()),
            paths, pools, settlement)
        {
            Faults = s.TryGetProperty(SummaryKeys.Faults, out JsonElement f) ? ReadFaults(f) : null,
            Chain = ReportChain.From(s),
            DurationSeconds = ReportStatistic.Number(s, SummaryKeys.DurationSeconds),
        };
    }

    private static ReportFaults ReadFaults(JsonElement f)
    {
        static List<(string, long)> Counts(JsonElement parent, string name) => parent.TryGetProperty(name, out JsonElement e)
            ? e.EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())).ToList() : [];
        var outages = f.TryGetProperty(SummaryKeys.Outages, out JsonElement o)
            ? o.EnumerateArray().Select(x => new ReportOutage(x.GetProperty(SummaryKeys.Target).GetString() ?? "", ReportStatistic.Number(x, SummaryKeys.StartSeconds),
                ReportStatistic.Number(x, SummaryKeys.EndSeconds), ReportStatistic.From(x, SummaryKeys.ProofBacklogBefore), ReportStatistic.From(x, SummaryKeys.ProofBacklogPeak),
                x.GetProperty(SummaryKeys.RecoveredReplications).GetInt64(), ReportStatistic.From(x, SummaryKeys.RecoverySeconds))).ToList()
            : [];
        return new ReportFaults(f.GetProperty(SummaryKeys.InterruptedJobs).GetInt64(), ReportStatistic.Number(f, SummaryKeys.WorkLostSeconds),
            f.GetProperty(SummaryKeys.Retries).GetInt64(), Counts(f, SummaryKeys.Fallbacks), Counts(f, SummaryKeys.Overflow), outages);
    }

    private static string? VerdictOf(JsonElement stability, string pool) =>
        stability.TryGetProperty(pool, out JsonElement e) && e.TryGetProperty(SummaryKeys.Verdict, out JsonElement v) ? v.GetString() : null;

    private static string ReasonOf(JsonElement stability, string pool) =>
        stability.TryGetProperty(pool, out JsonElement e) && e.TryGetProperty(SummaryKeys.VerdictReason, out JsonElement v) ? v.GetString() ?? "" : "";

    private static bool Stable(JsonElement stability, string pool) =>
        !stability.TryGetProperty(pool, out JsonElement e) || e.GetProperty(SummaryKeys.Stable).GetBoolean();

    private static ReportStatistic? Growth(JsonElement stability, string pool) =>
        stability.TryGetProperty(pool, out JsonElement e) ? ReportStatistic.From(e, SummaryKeys.BacklogGrowthPerSecond) : null;

    /// <summary>Description, declared parameters and run settings from the resolved scenario's text (scenario.resolved.yaml).</summary>
    public static (string Description, List<(string, string)> Parameters, List<(string, string)> Run) ReadScenario(string resolvedYaml)
    {
        var parameters = new List<(string, string)>();
        var run = new List<(string, string)>();
        var yaml = new YamlStream();
        using (var reader = new StringReader(resolvedYaml)) yaml.Load(reader);
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
