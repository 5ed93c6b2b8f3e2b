using HacaSim.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// The <c>parameters:</c> block and <c>${...}</c> references to it. A scalar that is entirely one
/// <c>${...}</c> becomes the value (a plain number when it is one); text around it is interpolation.
/// Arithmetic results print in shortest round-trip form, so the resolved YAML reproduces them exactly.
/// </summary>
internal static partial class ParameterSubstitution
{
    public const string Key = "parameters";

    /// <summary>The declared parameters (name -> scalar node, in file order); problems reported.</summary>
    public static Dictionary<string, YamlScalarNode> Read(YamlMappingNode root, ScenarioProblems problems)
    {
        var result = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode(Key), out var block) || ScenarioProblems.IsNull(block)) return result;
        if (block is not YamlMappingNode mapping)
        {
            problems.Report(block, Key, $"expected a mapping of name: value, found {ScenarioProblems.Describe(block)}");
            return result;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            string name = (keyNode as YamlScalarNode)?.Value ?? "";
            string path = $"{Key}.{name}";
            if (!ParameterExpression.IsName(name))
                problems.Report(keyNode, path, $"parameter names are a letter or _ followed by letters, digits or _, found \"{name}\"");
            else if (value is not YamlScalarNode scalar || ScenarioProblems.IsNull(value))
                problems.Report(value, path, $"expected a number or a name as the default, found {ScenarioProblems.Describe(value)}");
            else if (scalar.Value!.Contains("${", StringComparison.Ordinal))
                problems.Report(value, path, "a parameter's default must be a plain value; write expressions where the parameter is used");
            else
                result[name] = scalar;
        }
        return result;
    }

    /// <summary>The parameter names a text refers to inside its <c>${...}</c> (a name, or names in an expression; a function's name is not one).</summary>
    public static IEnumerable<string> ReferencedNames(string text)
    {
        foreach (System.Text.RegularExpressions.Match m in Reference().Matches(text))
            foreach (System.Text.RegularExpressions.Match n in NameInExpression().Matches(m.Groups[1].Value))
                yield return n.Value;
    }

    // Generated at build time (and precompiled with the rest): a scenario with ${...} no longer parses and interprets these
    // patterns at run time on the way to its first event.
    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial System.Text.RegularExpressions.Regex Reference();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z0-9_.])(?>[A-Za-z_][A-Za-z0-9_]*)(?!\s*\()")]
    private static partial System.Text.RegularExpressions.Regex NameInExpression();

    /// <summary>Every scalar under <paramref name="root"/> (the parameters: block left out) that refers to parameters, with the names.</summary>
    public static List<(YamlNode Node, string Name)> References(YamlMappingNode root)
    {
        var found = new List<(YamlNode, string)>();
        void Walk(YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode s when s.Value?.Contains("${", StringComparison.Ordinal) == true:
                    foreach (string name in ReferencedNames(s.Value)) found.Add((s, name));
                    break;
                case YamlMappingNode m:
                    foreach (var (_, value) in m.Children) Walk(value);
                    break;
                case YamlSequenceNode q:
                    foreach (YamlNode child in q.Children) Walk(child);
                    break;
            }
        }
        foreach (var (key, value) in root.Children)
            if ((key as YamlScalarNode)?.Value != Key) Walk(value);
        return found;
    }

    /// <summary>Replaces every <c>${...}</c> in scalar values under <paramref name="node"/> (keys are left alone).</summary>
    public static void Substitute(YamlNode node, string path, IReadOnlyDictionary<string, string> parameters, Action<YamlNode, string, string> report)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value?.Contains("${", StringComparison.Ordinal) == true:
                try
                {
                    scalar.Value = Resolve(scalar.Value, parameters, out bool isNumber);
                    if (isNumber) scalar.Style = ScalarStyle.Plain;
                }
                catch (FormatException e)
                {
                    report(scalar, path, e.Message);
                }
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    string name = (key as YamlScalarNode)?.Value ?? "?";
                    if (path.Length == 0 && name == Key) continue;
                    Substitute(value, path.Length == 0 ? name : $"{path}.{name}", parameters, report);
                }
                break;
            case YamlSequenceNode sequence:
                for (int i = 0; i < sequence.Children.Count; i++) Substitute(sequence.Children[i], $"{path}[{i}]", parameters, report);
                break;
        }
    }

    /// <summary>The text with each <c>${...}</c> replaced; <paramref name="isNumber"/> when the whole text was one reference to a number.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> parameters, out bool isNumber)
    {
        var result = new System.Text.StringBuilder();
        int position = 0;
        bool whole = false;
        while (position < text.Length)
        {
            int start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0) break;
            int end = text.IndexOf('}', start + 2);
            if (end < 0) throw new FormatException($"\"{InputFiles.Echo(text)}\" has \"${{\" without a closing \"}}\"");
            string inner = text[(start + 2)..end].Trim();
            if (inner.Length == 0) throw new FormatException($"\"{InputFiles.Echo(text)}\" has an empty \"${{}}\"; write a parameter name or an expression inside");
            result.Append(text, position, start - position);
            // A bare name keeps the parameter's own text (a name such as a dispatcher, or a number as written).
            result.Append(ParameterExpression.IsName(inner) && parameters.TryGetValue(inner, out string? raw)
                ? raw
                : ParameterExpression.Format(ParameterExpression.Evaluate(inner, parameters)));
            whole = start == 0 && end == text.Length - 1;
            position = end + 1;
        }
        result.Append(text, position, text.Length - position);
        string resolved = result.ToString();
        isNumber = whole && ScenarioProblems.TryNumber(resolved, out _);
        return resolved;
    }
}
