using HacaSim.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// <c>--set</c> overrides. <c>name=value</c> for a declared parameter replaces its default before
/// substitution; any other <c>a.b.c=value</c> sets that key after substitution (list items by index,
/// the last key created if its parent mapping exists). Keys that contain dots (model names such as
/// llama-3.1-8b) are matched whole, longest first. Values starting with { or [ are YAML (a distribution
/// can be replaced whole); others are plain text. Every node an override writes is remembered, so a
/// problem in it is reported against the override rather than a line of the file.
/// </summary>
internal sealed class ScenarioOverrides
{
    private readonly List<(string Raw, string Key, string Value)> _parameters = [];
    private readonly List<(string Raw, string Key, string Value)> _paths = [];
    private readonly List<string> _errors = [];

    public ScenarioOverrides(IReadOnlyList<string> overrides, IReadOnlyDictionary<string, YamlScalarNode> parameters)
    {
        foreach (string raw in overrides)
        {
            int equals = raw.IndexOf('=');
            string key = equals < 0 ? "" : raw[..equals].Trim();
            if (key.Length == 0)
            {
                _errors.Add($"--set {InputFiles.Echo(raw)}: expected NAME=VALUE (a declared parameter) or a.b.c=VALUE (a key path; list items by index, e.g. traffic.classes.0.share=0.3)");
                continue;
            }
            string value = raw[(equals + 1)..].Trim();
            string name = key.StartsWith(ParameterSubstitution.Key + ".", StringComparison.Ordinal) ? key[(ParameterSubstitution.Key.Length + 1)..] : key;
            if (parameters.ContainsKey(name) && value.Contains("${", StringComparison.Ordinal))
                _errors.Add($"--set {InputFiles.Echo(raw)}: a parameter's value must be plain; write the expression where the parameter is used");
            else if (parameters.ContainsKey(name)) _parameters.Add((raw, name, value));
            else if (name != key) _errors.Add($"--set {InputFiles.Echo(raw)}: no parameter \"{name}\"{Suggestions.DidYouMean(name, parameters.Keys)}; {Declared(parameters.Keys)}");
            else _paths.Add((raw, key, value));
        }
    }

    /// <summary>The declared parameters these overrides set (NAME=VALUE), with the override's text.</summary>
    public IEnumerable<(string Raw, string Name)> ParameterSettings => _parameters.Select(p => (p.Raw, p.Key));

    /// <summary>The values of key-path overrides (they may refer to parameters too).</summary>
    public IEnumerable<string> PathValues => _paths.Select(p => p.Value);

    /// <summary>Nodes written by an override, by reference, with the override's text.</summary>
    public Dictionary<YamlNode, string> Origins { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Malformed overrides and those that name nothing; "--set ...: message" each.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public void ApplyParameters(IReadOnlyDictionary<string, YamlScalarNode> parameters)
    {
        foreach (var (raw, name, value) in _parameters)
        {
            var node = parameters[name];
            node.Value = value;
            node.Style = ScenarioProblems.TryNumber(value, out _) ? ScalarStyle.Plain : ScalarStyle.Any;
            Origins[node] = raw;
        }
    }

    public void ApplyPaths(YamlMappingNode root, IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var (raw, key, value) in _paths)
        {
            string? error = Apply(root, raw, key, value, parameters);
            if (error != null) _errors.Add($"--set {InputFiles.Echo(raw)}: {error}");
        }
    }

    private string? Apply(YamlMappingNode root, string raw, string key, string text, IReadOnlyDictionary<string, string> parameters)
    {
        string[] segments = key.Split('.');
        YamlNode current = root;
        string at = "";
        int i = 0;
        while (true)
        {
            if (current is YamlMappingNode mapping)
            {
                // Longest match first, so a key with dots in it (a model name) is found whole.
                int j = segments.Length;
                while (j > i && !mapping.Children.ContainsKey(new YamlScalarNode(string.Join('.', segments[i..j])))) j--;
                if (j > i)
                {
                    var keyNode = new YamlScalarNode(string.Join('.', segments[i..j]));
                    at = Join(at, keyNode.Value!);
                    if (j == segments.Length) return Replace(raw, text, parameters, v => mapping.Children[keyNode] = v);
                    current = mapping.Children[keyNode];
                    i = j;
                    continue;
                }
                var existing = mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList();
                if (i == segments.Length - 1 && (current != root || ScenarioBinder.TopLevelKeys.Contains(segments[i])))
                {
                    var created = new YamlScalarNode(segments[i]);
                    Origins[created] = raw;
                    return Replace(raw, text, parameters, v => mapping.Children.Add(created, v));
                }
                if (current == root && ScenarioBinder.TopLevelKeys.Contains(segments[i]))
                {
                    // A scenario key whose block the file leaves out (run:, faults:): create it, so run.duration_s=60 (and
                    // --duration) work on any valid scenario; the binder checks the keys set inside it as usual.
                    var block = new YamlScalarNode(segments[i]);
                    var created = new YamlMappingNode();
                    Origins[block] = raw;
                    Origins[created] = raw;
                    mapping.Children.Add(block, created);
                    at = segments[i];
                    current = created;
                    i++;
                    continue;
                }
                if (current == root)
                {
                    var candidates = parameters.Keys.Concat(ScenarioBinder.TopLevelKeys).Distinct().ToList();
                    return $"\"{segments[0]}\" is neither a declared parameter nor a scenario key{Suggestions.DidYouMean(segments[0], candidates)}; " +
                        $"{Declared(parameters.Keys)}; scenario keys: {string.Join(", ", ScenarioBinder.TopLevelKeys)}";
                }
                return $"no key \"{segments[i]}\" under {at}{Suggestions.DidYouMean(segments[i], existing)}; keys there: {string.Join(", ", existing)}";
            }
            if (current is YamlSequenceNode sequence)
            {
                int count = sequence.Children.Count;
                if (!int.TryParse(segments[i], out int index) || index < 0 || index >= count)
                    return $"{at} is a list of {count} item(s); expected an index from 0 to {count - 1}, found \"{segments[i]}\"";
                at = Join(at, segments[i]);
                if (i == segments.Length - 1) return Replace(raw, text, parameters, v => sequence.Children[index] = v);
                current = sequence.Children[index];
                i++;
                continue;
            }
            return $"{at} is a single value, so it has no \"{segments[i]}\"";
        }
    }

    private string? Replace(string raw, string text, IReadOnlyDictionary<string, string> parameters, Action<YamlNode> set)
    {
        YamlNode value;
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            try
            {
                // The file's own checks: nesting depth, no anchors, aliases, tags or second documents.
                value = ScenarioLoader.Parse(text, "the value").Documents[0].RootNode;
            }
            catch (InputException e)
            {
                return InputFiles.Echo(e.Message);
            }
        }
        else
        {
            value = new YamlScalarNode(text);
        }
        string? error = null;
        ParameterSubstitution.Substitute(value, "", parameters, (_, _, message) => error ??= message);
        if (error != null) return error;
        if (value is YamlScalarNode scalar && ScenarioProblems.TryNumber(scalar.Value, out _)) scalar.Style = ScalarStyle.Plain;
        foreach (var node in value.AllNodes) Origins[node] = raw;
        set(value);
        return null;
    }

    private static string Join(string at, string segment) => at.Length == 0 ? segment : $"{at}.{segment}";

    private static string Declared(IEnumerable<string> names) =>
        names.Any() ? $"declared parameters: {string.Join(", ", names)}" : "the scenario declares no parameters";
}
