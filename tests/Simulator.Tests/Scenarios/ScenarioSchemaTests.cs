using System.Globalization;
using System.Text.Json.Nodes;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// The scenario JSON Schema: the committed Scenarios/scenario.schema.json is what <c>hacasim schema</c> generates,
/// every shipped scenario names it on its first line and validates against it (JsonSchema.Net, draft 2020-12),
/// and malformed scenarios do not.
/// </summary>
public class ScenarioSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Root, "Scenarios", ScenarioSchema.FileName);

    private static JsonSchema Schema => JsonSchema.FromText(File.ReadAllText(SchemaPath));

    /// <summary>Scenario files, not catalogues (profiles/) or deliberately invalid inputs.</summary>
    public static IEnumerable<string> ShippedScenarios() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "Scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}profiles{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}invalid{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    [Test]
    public void The_committed_schema_is_what_hacasim_schema_generates()
    {
        var run = CliRun.Execute("schema");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(File.ReadAllText(SchemaPath).Replace("\r\n", "\n"), Is.EqualTo(run.Stdout),
            "Scenarios/scenario.schema.json is stale: regenerate it with `hacasim schema > Scenarios/scenario.schema.json`");
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void A_shipped_scenario_names_the_schema_on_its_first_line_and_validates_against_it(string file)
    {
        string relative = Path.GetRelativePath(Path.GetDirectoryName(file)!, SchemaPath).Replace('\\', '/');
        Assert.That(File.ReadLines(file).First(), Is.EqualTo($"# yaml-language-server: $schema={relative}"));
        var result = Schema.Evaluate(ToJson(File.ReadAllText(file)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(result.IsValid, Is.True, string.Join("\n", Errors(result)));
    }

    [TestCase("colour: blue\n", TestName = "Schema_refuses_an_unknown_top_level_key")]
    [TestCase("", "inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slotz: 1}", TestName = "Schema_refuses_an_unknown_pool_key")]
    [TestCase("", "inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, dispatcher: jsqq}", TestName = "Schema_refuses_an_unknown_dispatcher")]
    [TestCase("", "process: poisson", "process: poison", TestName = "Schema_refuses_an_unknown_arrival_process")]
    [TestCase("", "inference_s: 0.5", "inference_s: {dist: lognorml, mean: 1, cv: 1}", TestName = "Schema_refuses_an_unknown_distribution")]
    [TestCase("policy: {name: statik}\n", TestName = "Schema_refuses_an_unknown_policy")]
    [TestCase("", "paths: {vanilla: 1}", "pathz: {vanilla: 1}", TestName = "Schema_refuses_an_unknown_class_key")]
    [TestCase("", "pools:\n  inference: {nodes: 1, slots: 1}\n  verification: {nodes: 1, slots: 1}\n", "", TestName = "Schema_refuses_a_scenario_without_pools")]
    public void A_malformed_scenario_does_not_validate(string append, string from = "", string to = "")
    {
        string yaml = (from.Length > 0 ? ErrorCases.Minimal.Replace(from, to) : ErrorCases.Minimal) + append;
        Assert.That(yaml, Is.Not.EqualTo(ErrorCases.Minimal), "the case changes the scenario");
        Assert.That(Schema.Evaluate(ToJson(ErrorCases.Minimal)).IsValid, Is.True, "the minimal scenario itself is valid");
        Assert.That(Schema.Evaluate(ToJson(yaml)).IsValid, Is.False);
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    /// <summary>A YAML document as JSON: plain scalars that read as numbers, booleans or null become those; everything else is a string.</summary>
    internal static System.Text.Json.JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return System.Text.Json.JsonDocument.Parse(Convert(stream.Documents[0].RootNode)?.ToJsonString() ?? "null").RootElement;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => throw new ArgumentException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Plain(string text)
    {
        if (text is "" or "~" or "null") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return JsonValue.Create(d);
        return JsonValue.Create(text);
    }
}
