using System.Text.Json;
using System.Text.Json.Nodes;
using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// A JSON Schema (draft 2020-12) of the scenario format, generated from the binder's key lists and the catalogs'
/// names, never written by hand: <c>hacasim schema</c> prints it and Scenarios/scenario.schema.json is its
/// committed copy (a test keeps them equal). It gives editors completion and catches unknown keys and names; the
/// loader stays the judge of values (ranges, cross-section rules, did-you-mean hints). Every scalar may also be a
/// <c>${...}</c> parameter expression, since substitution happens before binding.
/// </summary>
public static class ScenarioSchema
{
    public const string FileName = "scenario.schema.json";

    public static string Json(ScenarioCatalogs catalogs)
    {
        var defs = new JsonObject
        {
            ["expression"] = new JsonObject
            {
                ["description"] = "a ${...} parameter expression, substituted before the scenario is bound",
                ["type"] = "string",
                ["pattern"] = "\\$\\{",
            },
            ["number"] = AnyOf(new JsonObject { ["type"] = "number" }, Ref("expression")),
            ["distribution"] = AnyOf(Ref("number"), Component("dist", catalogs.Distributions.Names, "a distribution: a bare number (fixed) or {dist: NAME, ...}")),
            ["arrival"] = Component("process", catalogs.Arrivals.Names, "an arrival process: {process: NAME, ...}"),
        };
        var pool = Section(ScenarioBinder.PoolKeys, "a pool of identical nodes");
        Props(pool)["dispatcher"] = Choice(catalogs.Dispatchers.Names);
        Props(pool)["discipline"] = Choice(catalogs.Disciplines.Names);
        Props(pool)["kind"] = Choice(ScenarioBinder.PoolKinds);
        Props(pool)["queue"] = Choice(ScenarioBinder.QueueModes);
        Props(pool)["sharing"] = AnyOf(Choice(ScenarioBinder.SharingModes.Where(m => !m.Contains(':'))),
            new JsonObject
            {
                ["type"] = "object", ["required"] = new JsonArray("reserved"), ["additionalProperties"] = false,
                ["properties"] = new JsonObject { ["reserved"] = Ref("number") },
            });
        var traffic = Section(TrafficBinder.TrafficKeys, "the arrival process and the request classes");
        var requestClass = Section(TrafficBinder.ClassKeys, "a request class");
        Props(requestClass)["arrival"] = Ref("arrival");
        Props(traffic)["arrival"] = Ref("arrival");
        Props(traffic)["classes"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = requestClass };
        var paths = Section(ScenarioBinder.PathKeys, "the cost of each verification path");
        Props(paths)["zkml"] = Section(ScenarioBinder.ZkmlKeys, null);
        Props(paths)["tee"] = Section(ScenarioBinder.TeeKeys, null);
        Props(paths)["zkcrv"] = Section(ScenarioBinder.ZkCrvKeys, null);
        Props(paths)["vanilla"] = Section(ScenarioBinder.VanillaKeys, null);
        var faults = Section(FaultsBinder.Keys, "node failures, outages, a failing data source, and what interrupted work does");
        Props(faults)["on_interrupt"] = Choice(FaultsConfig.Rules);
        Props(faults)["node_failures"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = Section(FaultKinds.Keys(FaultKinds.NodeFailures), FaultKinds.NodeFailures.Description) };
        Props(faults)["outages"] = new JsonObject { ["type"] = "array", ["items"] = Section(FaultKinds.Keys(FaultKinds.Outages), FaultKinds.Outages.Description) };
        Props(faults)["data_source"] = Section(FaultKinds.Keys(FaultKinds.DataSource), FaultKinds.DataSource.Description);
        var settlement = Section(SettlementBinder.Keys, "blocks, consensus and batching");
        Props(settlement)["mode"] = Choice(ScenarioBinder.SettlementModes);
        var verification = Section(ScenarioBinder.VerificationKeys, null);
        Props(verification)["placement"] = Choice(ScenarioBinder.Placements);

        var top = Section(ScenarioBinder.TopLevelKeys, null);
        JsonObject p = Props(top);
        p["name"] = Text();
        p["description"] = Text();
        p["parameters"] = new JsonObject
        {
            ["type"] = "object",
            ["propertyNames"] = new JsonObject { ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]*$" },
            ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("number", "string", "boolean") },
        };
        p["run"] = Section(ScenarioBinder.RunKeys, "duration, warm-up, replications, seed");
        p["traffic"] = traffic;
        p["models"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = Section(ScenarioBinder.ModelKeys, "a model's cost") };
        p["pools"] = new JsonObject { ["type"] = "object", ["minProperties"] = 1, ["additionalProperties"] = pool };
        p["roles"] = Section(ScenarioBinder.RoleKeys, "which pool plays each role");
        p["paths"] = paths;
        p["verification"] = verification;
        p["settlement"] = settlement;
        p["data"] = Section(ScenarioBinder.DataKeys, null);
        p["network"] = Section(ScenarioBinder.NetworkKeys, null);
        p["policy"] = AnyOf(Choice(catalogs.PathPolicies.Names), Component("name", catalogs.PathPolicies.Names, "a path policy: {name: NAME, ...}"));
        p["faults"] = faults;
        p["variants"] = new JsonObject { ["type"] = "object", ["description"] = "named override sets for hacasim compare" };
        p["costs"] = Section(ScenarioBinder.CostsKeys, "prices");

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "HACA-sim scenario",
            ["description"] = "Generated by `hacasim schema` from the scenario binder and catalogs; see Scenarios/README.md. Do not edit by hand.",
        };
        foreach (var (key, value) in top.ToList())
        {
            top.Remove(key);
            schema[key] = value;
        }
        schema["required"] = new JsonArray("traffic", "pools");
        schema["$defs"] = defs;
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>
    /// A mapping with exactly these keys. By the format's naming rule a key ending in <c>_s</c> (seconds) or <c>_tokens</c>
    /// takes a distribution (a bare number included); other values are unconstrained unless set afterwards.
    /// </summary>
    private static JsonObject Section(IEnumerable<string> keys, string? description)
    {
        var properties = new JsonObject();
        foreach (string key in keys) properties[key] = key.EndsWith("_s", StringComparison.Ordinal) || key.EndsWith("_tokens", StringComparison.Ordinal)
            ? Ref("distribution") : new JsonObject();
        var section = new JsonObject { ["type"] = "object" };
        if (description is not null) section["description"] = description;
        section["properties"] = properties;
        section["additionalProperties"] = false;
        return section;
    }

    private static JsonObject Props(JsonObject section) => (JsonObject)section["properties"]!;

    /// <summary>{KEY: NAME, ...} where NAME is a catalog entry; its parameters are the loader's to check.</summary>
    private static JsonObject Component(string key, IEnumerable<string> names, string description) => new()
    {
        ["type"] = "object",
        ["description"] = description,
        ["required"] = new JsonArray(key),
        ["properties"] = new JsonObject { [key] = Choice(names) },
    };

    private static JsonObject Choice(IEnumerable<string> names) => AnyOf(Enum(names), Ref("expression"));

    private static JsonObject Enum(IEnumerable<string> names) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()) };

    private static JsonObject Text() => new() { ["type"] = "string" };

    private static JsonObject Ref(string def) => new() { ["$ref"] = $"#/$defs/{def}" };

    private static JsonObject AnyOf(params JsonNode[] options) => new() { ["anyOf"] = new JsonArray(options) };
}
