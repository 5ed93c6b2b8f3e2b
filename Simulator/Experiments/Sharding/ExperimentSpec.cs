using System.Text.Json;

namespace HacaSim.Experiments.Sharding;

/// <summary>The experiment commands that can be sharded and merged.</summary>
public enum ExperimentKind
{
    Run,
    Sweep,
    Compare,
    Explore,
}

public static class ExperimentKinds
{
    public static string Key(this ExperimentKind k) => k switch
    {
        ExperimentKind.Run => "run",
        ExperimentKind.Sweep => "sweep",
        ExperimentKind.Compare => "compare",
        _ => "explore",
    };

    public static bool TryParse(string? key, out ExperimentKind kind)
    {
        foreach (ExperimentKind k in Enum.GetValues<ExperimentKind>())
        {
            if (k.Key() != key) continue;
            kind = k;
            return true;
        }
        kind = default;
        return false;
    }
}

/// <summary>A name and its values: a swept parameter (its grid values) or a compare variant (its overrides).</summary>
public sealed record NamedValues(string Name, IReadOnlyList<string> Values);

/// <summary>An explore's design: its inputs (as <c>--param</c> writes them), method, samples, lag threshold and phase diagram.</summary>
public sealed record ExploreSpec(IReadOnlyList<string> Parameters, string Method, int Samples, double? LagThresholdSeconds, string? PhaseA, string? PhaseB);

/// <summary>
/// Everything that decides an experiment's results, typed: the command, the scenario file and the overrides every case
/// starts from (<c>--set</c> and the run options as key paths), and the command's own parameters (a sweep's grid, a
/// compare's variants, an explore's design). A shard's manifest stores it, and <c>hacasim merge</c> runs the
/// experiment's write step from it (no command line is replayed). What does not change results (--out, --threads,
/// --quiet, --force, --shard) is not in it.
/// </summary>
public sealed record ExperimentSpec(ExperimentKind Kind, string Scenario, IReadOnlyList<string> Overrides)
{
    /// <summary>A sweep's parameters, the first the one the knee is found along.</summary>
    public IReadOnlyList<NamedValues> Sweep { get; init; } = [];

    /// <summary>A compare's variants, resolved (given with --variant or read from the scenario's variants: block), the first the baseline.</summary>
    public IReadOnlyList<NamedValues> Variants { get; init; } = [];

    /// <summary>A compare's --log-requests.</summary>
    public bool LogRequests { get; init; }

    public ExploreSpec? Explore { get; init; }

    /// <summary>The spec as a JSON object; without the scenario path (which the scenario's hash covers) for the identity's options hash.</summary>
    public void Write(Utf8JsonWriter w, bool withScenario = true)
    {
        w.WriteStartObject();
        w.WriteString("kind", Kind.Key());
        if (withScenario) w.WriteString("scenario", Scenario);
        Strings(w, "overrides", Overrides);
        if (Kind == ExperimentKind.Sweep) Named(w, "parameters", Sweep);
        if (Kind == ExperimentKind.Compare)
        {
            Named(w, "variants", Variants);
            w.WriteBoolean("log_requests", LogRequests);
        }
        if (Explore is { } e)
        {
            w.WriteStartObject("explore");
            Strings(w, "parameters", e.Parameters);
            w.WriteString("method", e.Method);
            w.WriteNumber("samples", e.Samples);
            if (e.LagThresholdSeconds is { } lag) w.WriteNumber("lag_threshold_s", lag);
            else w.WriteNull("lag_threshold_s");
            if (e.PhaseA is { } a && e.PhaseB is { } b) Strings(w, "phase", [a, b]);
            else w.WriteNull("phase");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The options hash's text: the spec's JSON without the scenario path.</summary>
    public string OptionsText()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, withScenario: false);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a spec written by <see cref="Write"/>; anything missing or of the wrong type is bad input naming <paramref name="path"/>.</summary>
    public static ExperimentSpec Read(JsonElement e, string path)
    {
        string Text(JsonElement x, string name) => x.ValueKind == JsonValueKind.String ? x.GetString()!
            : throw new InputException($"{path}: spec.{name} is {x.ValueKind.ToString().ToLowerInvariant()}; expected a string");
        List<string> List(JsonElement parent, string name) => parent.GetProperty(name).EnumerateArray().Select(x => Text(x, name)).ToList();
        List<NamedValues> Named(string name) => e.GetProperty(name).EnumerateArray()
            .Select(x => new NamedValues(Text(x.GetProperty("name"), name + "[].name"), List(x, "values"))).ToList();
        if (!ExperimentKinds.TryParse(e.GetProperty("kind").GetString(), out ExperimentKind kind))
            throw new InputException($"{path}: spec.kind is not one of run, sweep, compare, explore");
        var spec = new ExperimentSpec(kind, Text(e.GetProperty("scenario"), "scenario"), List(e, "overrides"));
        if (kind == ExperimentKind.Sweep) spec = spec with { Sweep = Named("parameters") };
        if (kind == ExperimentKind.Compare) spec = spec with { Variants = Named("variants"), LogRequests = e.GetProperty("log_requests").GetBoolean() };
        if (kind == ExperimentKind.Explore)
        {
            JsonElement x = e.GetProperty("explore");
            JsonElement lag = x.GetProperty("lag_threshold_s"), phase = x.GetProperty("phase");
            var phaseNames = phase.ValueKind == JsonValueKind.Null ? null : List(x, "phase");
            if (phaseNames is { Count: not 2 }) throw new InputException($"{path}: spec.explore.phase must name two inputs");
            spec = spec with
            {
                Explore = new ExploreSpec(List(x, "parameters"), Text(x.GetProperty("method"), "explore.method"), x.GetProperty("samples").GetInt32(),
                    lag.ValueKind == JsonValueKind.Null ? null : lag.GetDouble(), phaseNames?[0], phaseNames?[1]),
            };
        }
        return spec;
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Named(Utf8JsonWriter w, string name, IReadOnlyList<NamedValues> list)
    {
        w.WriteStartArray(name);
        foreach (NamedValues n in list)
        {
            w.WriteStartObject();
            w.WriteString("name", n.Name);
            Strings(w, "values", n.Values);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
