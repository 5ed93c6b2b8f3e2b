using HacaSim.Catalog;
using HacaSim.Model;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Reads the named, parameterised choices of a scenario into <see cref="ComponentSpec"/>s and checks
/// them against their catalog: distributions (<c>{dist: NAME, ...}</c>, or a bare number for
/// <c>deterministic</c>), arrival processes (<c>{process: NAME, ...}</c>) and path policies (<c>{name: NAME, ...}</c>).
/// </summary>
internal sealed class ComponentSpecReader(ScenarioProblems problems, ScenarioCatalogs catalogs, InputCache files)
{
    /// <summary>A distribution of durations or token counts, which cannot be negative.</summary>
    public ComponentSpec? Distribution(YamlNode node, string path)
    {
        if (node is YamlScalarNode s && ScenarioProblems.TryNumber(s.Value, out double value))
        {
            if (!double.IsFinite(value) || value < 0)
            {
                problems.Report(node, path, $"expected a number >= 0 or {{dist: NAME, ...}}, found {ScenarioProblems.Describe(node)}");
                return null;
            }
            return Bound(node, new ComponentSpec("deterministic", new Dictionary<string, double> { ["value"] = value },
                new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<double>>(), problems.Where(node, path)), catalogs.Distributions);
        }
        var spec = Bound(node, FromMapping(node, path, "dist", catalogs.Distributions.Names, "a number or {dist: NAME, ...}"), catalogs.Distributions);
        if (spec == null) return null;
        // Deterministic, uniform and empirical accept negative numbers, but a time or a token count cannot be one.
        if (catalogs.Distributions.Describe(spec).Minimum < 0)
        {
            problems.Report(node, path, $"distribution \"{spec.Name}\" can give negative values here; durations and token counts must be >= 0");
            return null;
        }
        return spec;
    }

    /// <summary>The default for a field the file leaves out: a fixed value.</summary>
    public ComponentSpec Deterministic(double value, string path)
    {
        var spec = new ComponentSpec("deterministic", new Dictionary<string, double> { ["value"] = value }, new Dictionary<string, string>(),
            new Dictionary<string, IReadOnlyList<double>>(), problems.Default(path));
        return Default(spec, catalogs.Distributions);
    }

    /// <summary>A default the binder supplies, bound like a read one (a default is valid; an invalid one is left for the checks that report it).</summary>
    public static ComponentSpec Default<T>(ComponentSpec spec, Catalog<T> catalog) => catalog.TryBind(spec).Bound ?? spec;

    public ComponentSpec? Arrival(YamlNode node, string path)
    {
        return Bound(node, FromMapping(node, path, "process", catalogs.Arrivals.Names, "{process: NAME, ...}"), catalogs.Arrivals);
    }

    /// <summary>A path policy: <c>{name: NAME, ...parameters}</c>, or just its name.</summary>
    public ComponentSpec? Policy(YamlNode node, string path)
    {
        var spec = node is YamlScalarNode { Value: { } text } && !ScenarioProblems.IsNull(node)
            ? new ComponentSpec(text, new Dictionary<string, double>(), new Dictionary<string, string>(),
                new Dictionary<string, IReadOnlyList<double>>(), problems.Where(node, path))
            : FromMapping(node, path, "name", catalogs.PathPolicies.Names, "{name: NAME, ...}");
        return Bound(node, spec, catalogs.PathPolicies);
    }

    /// <summary>The spec validated against its catalog and bound once for its description; null (problems reported) when invalid.</summary>
    private ComponentSpec? Bound<T>(YamlNode node, ComponentSpec? spec, Catalog<T> catalog)
    {
        if (spec == null) return null;
        var (bound, messages) = catalog.TryBind(spec);
        foreach (string message in messages) problems.Report(node, spec.Location.FieldPath, message);
        return bound;
    }

    /// <summary>
    /// <c>{nameKey: NAME, key: number | text | [numbers], ...}</c>. Every other key becomes a parameter, and
    /// the catalog decides whether the set is one it accepts.
    /// </summary>
    private ComponentSpec? FromMapping(YamlNode node, string path, string nameKey, IEnumerable<string> names, string form)
    {
        string allowed = string.Join(", ", names);
        if (node is not YamlMappingNode mapping)
        {
            problems.Report(node, path, $"expected {form} with NAME one of {allowed}, found {ScenarioProblems.Describe(node)}");
            return null;
        }
        string? name = null;
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        bool ok = true;
        foreach (var (keyNode, value) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            string keyPath = $"{path}.{key}";
            if (key == nameKey)
            {
                name = problems.Text(value, keyPath, $"one of {allowed}");
                ok &= name != null;
            }
            else if (value is YamlScalarNode scalar && !ScenarioProblems.IsNull(value))
            {
                if (!ScenarioProblems.TryNumber(scalar.Value, out _)) texts[key] = scalar.Value!;
                else if (problems.Number(value, keyPath, new NumberRule(double.NegativeInfinity, false, double.PositiveInfinity, "a finite number")) is { } n)
                    numbers[key] = n;
                else ok = false;
            }
            else if (value is YamlSequenceNode sequence)
            {
                var list = new List<double>();
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    var item = problems.Number(sequence.Children[i], $"{keyPath}[{i}]",
                        new NumberRule(double.NegativeInfinity, false, double.PositiveInfinity, "a finite number"));
                    if (item is { } v) list.Add(v);
                    else ok = false;
                }
                lists[key] = list;
            }
            else
            {
                problems.Report(value, keyPath, $"expected a number, a name or a list of numbers, found {ScenarioProblems.Describe(value)}");
                ok = false;
            }
        }
        if (name == null)
        {
            if (ok) problems.Report(node, path, $"missing \"{nameKey}\"; expected {form} with NAME one of {allowed}");
            return null;
        }
        // A named data file is read here, once per command, and its rows travel with the spec (see InputCache).
        return ok ? files.Attach(new ComponentSpec(name, numbers, texts, lists, problems.Where(node, path))) : null;
    }
}
