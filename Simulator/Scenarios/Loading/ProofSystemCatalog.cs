using System.Globalization;
using HacaSim.Catalog;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// The proof-system catalogue, Scenarios/profiles/proof-systems.yaml, compiled into the program. A models:
/// entry with <c>proof_system: NAME</c> and <c>parameters: N</c> gets <c>proof_s</c> and <c>verify_s</c> filled in
/// from the system's laws at N before the scenario is bound (keys written in the model win), so the resolved
/// scenario saved with results carries the numbers. A size outside the fit range is refused unless the model
/// says <c>extrapolate: true</c>.
/// </summary>
public static class ProofSystemCatalog
{
    public const string ResourceName = "HacaSim.proof-systems.yaml";
    public const string FileName = "profiles/proof-systems.yaml";

    private static YamlMappingNode LoadYaml()
    {
        using Stream stream = typeof(ProofSystemCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        var yaml = new YamlStream();
        yaml.Load(new StreamReader(stream));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>Every system, in file order. The file is ours: a malformed entry is our bug (exit 1), and a test reads them all.</summary>
    public static IReadOnlyList<ProofSystem> All() => LoadYaml().Children.Select(e => Parse(((YamlScalarNode)e.Key).Value!, (YamlMappingNode)e.Value)).ToList();

    private static ProofSystem Parse(string name, YamlMappingNode m)
    {
        YamlNode Get(string key) => m.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? v)
            ? v : throw new InvalidOperationException($"{FileName}: {name} has no {key}");
        double Num(YamlNode n) => double.Parse(((YamlScalarNode)n).Value!, NumberStyles.Float, CultureInfo.InvariantCulture);
        PowerLaw Law(string key) => Get(key) is YamlMappingNode law
            ? new PowerLaw(Num(law.Children[new YamlScalarNode("at_reference")]), Num(law.Children[new YamlScalarNode("exponent")]))
            : new PowerLaw(Num(Get(key)), 0);
        double? Optional(YamlMappingNode p, string key) => p.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? v) ? Num(v) : null;
        var fit = (YamlSequenceNode)Get("fit_parameters");
        var points = ((YamlSequenceNode)Get("points")).Children.Cast<YamlMappingNode>().Select(p => new ProofSystemPoint(
            Num(p.Children[new YamlScalarNode("parameters")]), Optional(p, "proof_s"), Optional(p, "verify_s"), Optional(p, "proof_bytes"),
            ((YamlScalarNode)p.Children[new YamlScalarNode("source")]).Value!)).ToList();
        return new ProofSystem(name, ((YamlScalarNode)Get("description")).Value!, ((YamlScalarNode)Get("hardware")).Value!,
            Num(Get("reference_parameters")), Num(fit.Children[0]), Num(fit.Children[1]),
            Law("proof_s"), Law("verify_s"), Law("proof_bytes"), Num(Get("verify_gas")), Num(Get("settled_proof_bytes")), points);
    }

    /// <summary>Fills each models: entry that names a proof system; reports unknown names, missing or out-of-range sizes.</summary>
    internal static void Expand(YamlMappingNode root, ScenarioProblems problems, InputCache files)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("models"), out YamlNode? modelsNode) || modelsNode is not YamlMappingNode models) return;
        IReadOnlyDictionary<string, ProofSystem>? systems = null;
        var byModel = new Dictionary<string, ProofSystem>(StringComparer.Ordinal);
        foreach (var (key, value) in models.Children)
        {
            if (value is not YamlMappingNode model || !model.Children.TryGetValue(new YamlScalarNode("proof_system"), out YamlNode? nameNode)) continue;
            string path = $"models.{(key as YamlScalarNode)?.Value}";
            if (nameNode is not YamlScalarNode { Value: { } name } || ScenarioProblems.IsNull(nameNode))
            {
                problems.Report(nameNode, $"{path}.proof_system", $"expected a proof system name, found {ScenarioProblems.Describe(nameNode)}");
                continue;
            }
            systems ??= files.ProofSystems;
            if (!systems.TryGetValue(name, out ProofSystem? system))
            {
                problems.Report(nameNode, $"{path}.proof_system",
                    $"unknown proof system \"{name}\"{Suggestions.DidYouMean(name, systems.Keys)}; proof systems in {FileName}: {string.Join(", ", systems.Keys)}");
                continue;
            }
            if (!model.Children.TryGetValue(new YamlScalarNode("parameters"), out YamlNode? sizeNode))
            {
                problems.Report(model, $"{path}.parameters",
                    $"missing; a model with proof_system: {name} needs its size, parameters: N (fit range of {name}: {Range(system)})");
                continue;
            }
            if (problems.Number(sizeNode, $"{path}.parameters", NumberRule.Positive) is not { } parameters) continue;
            bool extrapolate = model.Children.TryGetValue(new YamlScalarNode("extrapolate"), out YamlNode? flag)
                && (problems.Flag(flag, $"{path}.extrapolate") ?? false);
            if (!system.Fits(parameters) && !extrapolate)
            {
                problems.Report(sizeNode, $"{path}.parameters",
                    $"{ParameterExpression.Format(parameters)} parameters is outside the range {name}'s laws were fitted to ({Range(system)}); " +
                    "allowed: a size in that range, or extrapolate: true to use the law beyond its data");
                continue;
            }
            Fill(model, "proof_s", system.ProofSecondsAt(parameters));
            Fill(model, "verify_s", system.VerifySecondsAt(parameters));
            if (key is YamlScalarNode { Value: { } modelName }) byModel[modelName] = system;
        }
        FillZkmlSettleGas(root, byModel);
    }

    /// <summary>
    /// paths.zkml.settle_gas, when not written, from the proof system of the first class (in file order) that
    /// sends requests down ZKML on a model with one: its verify gas plus the calldata of the proof it settles.
    /// </summary>
    private static void FillZkmlSettleGas(YamlMappingNode root, Dictionary<string, ProofSystem> byModel)
    {
        if (byModel.Count == 0) return;
        if (Child(root, "traffic") is not YamlMappingNode traffic || Child(traffic, "classes") is not YamlSequenceNode classes) return;
        ProofSystem? system = null;
        foreach (YamlMappingNode c in classes.Children.OfType<YamlMappingNode>())
        {
            if (Child(c, "model") is not YamlScalarNode { Value: { } model } || !byModel.TryGetValue(model, out ProofSystem? s)) continue;
            if (Child(c, "paths") is not YamlMappingNode paths || Child(paths, "zkml") is not YamlScalarNode { Value: { } w }
                || !double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !(weight > 0)) continue;
            system = s;
            break;
        }
        if (system is null) return;
        if (Child(root, "paths") is not YamlMappingNode pathsSection)
        {
            if (Child(root, "paths") is not null) return; // not a mapping: the binder reports it
            pathsSection = new YamlMappingNode();
            root.Children.Add(new YamlScalarNode("paths"), pathsSection);
        }
        if (Child(pathsSection, "zkml") is not YamlMappingNode zkml)
        {
            if (Child(pathsSection, "zkml") is not null) return;
            zkml = new YamlMappingNode();
            pathsSection.Children.Add(new YamlScalarNode("zkml"), zkml);
        }
        Fill(zkml, "settle_gas", system.SettleGas);
    }

    private static YamlNode? Child(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? v) ? v : null;

    private static string Range(ProofSystem s) =>
        $"{ParameterExpression.Format(s.FitMinParameters)} to {ParameterExpression.Format(s.FitMaxParameters)} parameters";

    private static void Fill(YamlMappingNode model, string key, double value)
    {
        var node = new YamlScalarNode(key);
        if (!model.Children.ContainsKey(node)) model.Children.Add(node, new YamlScalarNode(value.ToString("R", CultureInfo.InvariantCulture)));
    }
}
