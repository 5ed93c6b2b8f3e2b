using HacaSim.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Experiments.Compare;

/// <summary>
/// The optional <c>variants:</c> block of a scenario, the cases <c>hacasim compare</c> runs when the command
/// line names none: <c>variants: {static: {}, adaptive: {policy: {name: adaptive, backlog_high: 50}}}</c>;
/// each entry maps override keys (as <c>--set</c> takes them) to values. Read from the file as written.
/// </summary>
public static class ScenarioVariants
{
    public static IReadOnlyList<Variant> Read(ScenarioSource source)
    {
        string path = source.Path;
        var stream = new YamlStream();
        stream.Load(new StringReader(source.Text));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
        if (!root.Children.TryGetValue(new YamlScalarNode("variants"), out YamlNode? block)) return [];
        if (block is not YamlMappingNode variants)
            throw new InputException($"{path}:{block.Start.Line}:{block.Start.Column}: variants: expected a mapping NAME: {{KEY: VALUE, ...}}, found {ScenarioProblems.Describe(block)}");
        var result = new List<Variant>();
        foreach (var (key, value) in variants.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            string where = $"{path}:{key.Start.Line}:{key.Start.Column}: variants.{name}";
            Variant.CheckName(name, where);
            var overrides = new List<string>();
            if (value is YamlMappingNode settings)
            {
                foreach (var (k, v) in settings.Children) overrides.Add($"{(k as YamlScalarNode)?.Value}={Flow(v)}");
            }
            else if (!ScenarioProblems.IsNull(value))
                throw new InputException($"{where}: expected a mapping of KEY: VALUE overrides (or {{}}), found {ScenarioProblems.Describe(value)}");
            result.Add(new Variant(name, overrides));
        }
        return result;
    }

    /// <summary>A node as one-line YAML, the form a --set value takes.</summary>
    private static string Flow(YamlNode node) => node switch
    {
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Select(p => $"{Flow(p.Key)}: {Flow(p.Value)}")) + "}",
        YamlSequenceNode s => "[" + string.Join(", ", s.Children.Select(Flow)) + "]",
        YamlScalarNode { Value: var v } => Quote(v ?? ""),
        _ => "",
    };

    private static string Quote(string value) =>
        value.Length > 0 && value.IndexOfAny([',', ':', '{', '}', '[', ']', '#', '"', '\'']) < 0 && !value.StartsWith(' ')
            ? value
            : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
