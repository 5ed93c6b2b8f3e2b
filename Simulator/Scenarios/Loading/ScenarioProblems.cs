using System.Globalization;
using HacaSim.Catalog;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Collects every problem found in a scenario, each as "file:line:col: field: message", so a researcher
/// sees all of them at once. Also knows which nodes came from a <c>--set</c> override, so their problems
/// name the override instead of a line in the file.
/// </summary>
internal sealed class ScenarioProblems(string file, IReadOnlyDictionary<YamlNode, string> overrideOrigins)
{
    private readonly List<string> _problems = [];

    public int Count => _problems.Count;

    private readonly List<string> _warnings = [];

    /// <summary>Accepted input that should change (a deprecated key), with where it is; the commands print them on stderr.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public void Warn(YamlNode node, string fieldPath, string message) => _warnings.Add(Where(node, fieldPath).Format(message));

    /// <summary>Longest name (scenario, class, pool...): names label charts and tables.</summary>
    public const int MaxNameLength = 200;

    public SourceLocation Where(YamlNode node, string fieldPath) =>
        overrideOrigins.TryGetValue(node, out string? setting)
            ? new SourceLocation($"--set {InputFiles.Echo(setting)}", 0, 0, fieldPath)
            : new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column, fieldPath);

    /// <summary>A location for a value the file left out (a default).</summary>
    public SourceLocation Default(string fieldPath) => new(file, 0, 0, fieldPath);

    public void Report(YamlNode node, string fieldPath, string message) => _problems.Add(Where(node, fieldPath).Format(message));

    public void Report(SourceLocation where, string message) => _problems.Add(where.Format(message));

    public void ThrowIfAny()
    {
        if (_problems.Count > 0) throw new InputException(_problems.ToList());
    }

    /// <summary>YAML's null: an empty plain value, ~ or null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>What a node is, for "found ..." in messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing (an empty value)",
        YamlScalarNode s when TryNumber(s.Value, out double v) && double.IsFinite(v) => InputFiles.Echo(s.Value),
        YamlScalarNode s when TryNumber(s.Value, out _) => $"\"{InputFiles.Echo(s.Value)}\" (not a finite number)",
        YamlScalarNode s => $"text \"{InputFiles.Echo(s.Value)}\"",
        _ => node.NodeType.ToString(),
    };

    /// <summary>Parses a scalar as a number, including YAML's .inf and .nan (which callers then refuse).</summary>
    public static bool TryNumber(string? text, out double value)
    {
        string t = (text ?? "").Trim();
        switch (t.ToLowerInvariant())
        {
            case ".inf" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf":
                value = double.NegativeInfinity;
                return true;
            case ".nan":
                value = double.NaN;
                return true;
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A finite number within <paramref name="rule"/>, or null after reporting why not.</summary>
    public double? Number(YamlNode node, string fieldPath, NumberRule rule)
    {
        if (node is not YamlScalarNode s || IsNull(node) || !TryNumber(s.Value, out double value) || !double.IsFinite(value))
        {
            Report(node, fieldPath, $"expected {rule}, found {Describe(node)}");
            return null;
        }
        if (!rule.Allows(value))
        {
            Report(node, fieldPath, $"expected {rule}, found {s.Value}");
            return null;
        }
        return value;
    }

    /// <summary>A whole number >= <paramref name="min"/>, or null after reporting why not.</summary>
    public int? Integer(YamlNode node, string fieldPath, int min)
    {
        string expected = $"a whole number >= {min}";
        if (node is not YamlScalarNode s || IsNull(node) || !TryNumber(s.Value, out double value) || !double.IsFinite(value))
        {
            Report(node, fieldPath, $"expected {expected}, found {Describe(node)}");
            return null;
        }
        if (value != Math.Floor(value) || value < min || value > int.MaxValue)
        {
            Report(node, fieldPath, $"expected {expected}, found {s.Value}");
            return null;
        }
        return (int)value;
    }

    public ulong? Seed(YamlNode node, string fieldPath)
    {
        if (node is YamlScalarNode s && ulong.TryParse(s.Value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            return seed;
        Report(node, fieldPath, $"expected a whole number from 0 to {ulong.MaxValue}, found {Describe(node)}");
        return null;
    }

    public string? Text(YamlNode node, string fieldPath, string expected)
    {
        if (node is YamlScalarNode s && !IsNull(node))
        {
            // Names are printed (console, charts, reports): escape sequences or line breaks in them would garble a terminal.
            bool isName = expected.Contains("name", StringComparison.Ordinal);
            // A name is a label: 200 characters is plenty, and a 300 KB one stalled chart rendering.
            if (isName && s.Value!.Length > MaxNameLength)
            {
                Report(node, fieldPath, $"expected {expected} of at most {MaxNameLength} characters, found {s.Value.Length} (\"{InputFiles.Echo(s.Value)}\")");
                return null;
            }
            if (s.Value!.Any(c => char.IsControl(c) && (isName || (c != '\n' && c != '\t'))))
            {
                Report(node, fieldPath, $"expected {expected} without control characters (escape sequences{(isName ? ", line breaks" : "")}), found \"{InputFiles.Echo(s.Value)}\"");
                return null;
            }
            return s.Value;
        }
        Report(node, fieldPath, $"expected {expected}, found {Describe(node)}");
        return null;
    }

    public bool? Flag(YamlNode node, string fieldPath)
    {
        if (node is YamlScalarNode s && !IsNull(node))
        {
            if (string.Equals(s.Value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(s.Value, "false", StringComparison.OrdinalIgnoreCase)) return false;
        }
        Report(node, fieldPath, $"expected true or false, found {Describe(node)}");
        return null;
    }
}
