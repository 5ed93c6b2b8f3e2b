using HacaSim.Catalog;
using HacaSim.Model;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Typed, defaulting access to one YAML mapping of a scenario. Checks on construction that every key is
/// allowed at this level (with a did-you-mean); each getter reports a bad value to
/// <see cref="ScenarioProblems"/> and carries on with the default, so one pass finds every problem.
/// An absent mapping reads as empty: every field takes its default.
/// </summary>
internal sealed class MappingReader
{
    private readonly ScenarioProblems _problems;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    /// <param name="node">The mapping, or null when the file leaves it out.</param>
    /// <param name="anchor">Where to point when a required field is missing (the mapping, or its parent when absent).</param>
    /// <param name="allowedKeys">The keys this level takes; null when keys are user-chosen names (pools, models).</param>
    public MappingReader(ScenarioProblems problems, YamlNode? node, string path, YamlNode anchor, IReadOnlyCollection<string>? allowedKeys)
    {
        _problems = problems;
        Path = path;
        Anchor = node ?? anchor;
        if (node == null) return;
        if (node is not YamlMappingNode mapping)
        {
            string keys = allowedKeys == null ? "" : $" with keys {string.Join(", ", allowedKeys)}";
            problems.Report(node, path, $"expected a mapping{keys}, found {ScenarioProblems.Describe(node)}");
            return;
        }
        Node = mapping;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                problems.Report(key, path, $"keys must be plain names, found {ScenarioProblems.Describe(key)}");
                continue;
            }
            if (allowedKeys != null && !allowedKeys.Contains(name))
            {
                problems.Report(key, ChildPath(name),
                    $"unknown key \"{name}\"{Suggestions.DidYouMean(name, allowedKeys)}; allowed here: {string.Join(", ", allowedKeys)}");
                continue;
            }
            _entries[name] = (key, value);
        }
    }

    public string Path { get; }

    /// <summary>The mapping node itself, or null when absent or of the wrong type.</summary>
    public YamlMappingNode? Node { get; }

    public YamlNode Anchor { get; }

    public ScenarioProblems Problems => _problems;

    /// <summary>The (allowed) entries in file order.</summary>
    public IEnumerable<(string Name, YamlNode Key, YamlNode Value)> Entries => _entries.Select(e => (e.Key, e.Value.Key, e.Value.Value));

    public string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Value(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The node to point at for a field: its value when given, else the enclosing mapping.</summary>
    public YamlNode NodeFor(string key) => Value(key) ?? Anchor;

    public SourceLocation Where(string key) =>
        Value(key) is { } value ? _problems.Where(value, ChildPath(key)) : _problems.Default(ChildPath(key));

    public MappingReader Child(string key, IReadOnlyCollection<string>? allowedKeys) =>
        new(_problems, Value(key), ChildPath(key), Anchor, allowedKeys);

    public double Number(string key, double fallback, NumberRule rule) =>
        Value(key) is { } node ? _problems.Number(node, ChildPath(key), rule) ?? fallback : fallback;

    /// <summary>A number, or null when absent or explicitly empty (~, null).</summary>
    public double? OptionalNumber(string key, NumberRule rule) =>
        Value(key) is { } node && !ScenarioProblems.IsNull(node) ? _problems.Number(node, ChildPath(key), rule) : null;

    public double RequiredNumber(string key, NumberRule rule, string meaning)
    {
        if (Value(key) is { } node) return _problems.Number(node, ChildPath(key), rule) ?? double.NaN;
        _problems.Report(Anchor, ChildPath(key), $"missing; expected {rule} ({meaning})");
        return double.NaN;
    }

    public int Integer(string key, int fallback, int min) =>
        Value(key) is { } node ? _problems.Integer(node, ChildPath(key), min) ?? fallback : fallback;

    public int? OptionalInteger(string key, int min) =>
        Value(key) is { } node && !ScenarioProblems.IsNull(node) ? _problems.Integer(node, ChildPath(key), min) : null;

    public string Text(string key, string fallback, string expected) =>
        Value(key) is { } node ? _problems.Text(node, ChildPath(key), expected) ?? fallback : fallback;

    public string? OptionalText(string key, string expected) =>
        Value(key) is { } node && !ScenarioProblems.IsNull(node) ? _problems.Text(node, ChildPath(key), expected) : null;

    public bool Flag(string key, bool fallback) =>
        Value(key) is { } node ? _problems.Flag(node, ChildPath(key)) ?? fallback : fallback;

    /// <summary>A name from a fixed list (a mode, a discipline); reports the allowed names with a did-you-mean.</summary>
    public string Choice(string key, string fallback, IReadOnlyCollection<string> allowed, string kind)
    {
        if (Value(key) is not { } node) return fallback;
        string? name = _problems.Text(node, ChildPath(key), $"one of {string.Join(", ", allowed)}");
        if (name == null) return fallback;
        if (allowed.Contains(name)) return name;
        _problems.Report(node, ChildPath(key), $"unknown {kind} \"{name}\"{Suggestions.DidYouMean(name, allowed)}; allowed: {string.Join(", ", allowed)}");
        return fallback;
    }
}
