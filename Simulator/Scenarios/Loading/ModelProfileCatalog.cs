using HacaSim.Catalog;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// The catalogue of (model, GPU) profiles, Scenarios/profiles/llm-profiles.yaml, compiled into the
/// program. A models: entry with <c>profile: NAME</c> is filled in with the profile's keys before the
/// scenario is bound, so the resolved scenario written next to results carries the numbers themselves
/// (it reproduces the run even if the catalogue changes later). Keys written beside <c>profile</c> win.
/// </summary>
internal static class ModelProfileCatalog
{
    public const string ResourceName = "HacaSim.llm-profiles.yaml";
    public const string FileName = "profiles/llm-profiles.yaml";

    /// <summary>Parses the catalogue afresh (nodes are mutable and are moved into the scenario tree).</summary>
    public static YamlMappingNode Load() => Parse(Text());

    /// <summary>The catalogue's text, as compiled in (a command keeps it in its <see cref="InputCache"/>, read once).</summary>
    public static string Text()
    {
        using Stream stream = typeof(ModelProfileCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A fresh tree of the catalogue (its nodes are moved into the scenario that names a profile).</summary>
    public static YamlMappingNode Parse(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    public static IReadOnlyList<string> Names() => Load().Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    /// <summary>Fills each models: entry that names a profile; reports unknown names with a did-you-mean.</summary>
    public static void Expand(YamlMappingNode root, ScenarioProblems problems, InputCache files)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("models"), out YamlNode? modelsNode) || modelsNode is not YamlMappingNode models) return;
        YamlMappingNode? catalogue = null;
        foreach (var (key, value) in models.Children)
        {
            if (value is not YamlMappingNode model || !model.Children.TryGetValue(new YamlScalarNode("profile"), out YamlNode? nameNode)) continue;
            if (nameNode is not YamlScalarNode { Value: { } name } || ScenarioProblems.IsNull(nameNode)) continue; // the binder reports it
            catalogue ??= Parse(files.ProfileCatalogue);
            string path = $"models.{(key as YamlScalarNode)?.Value}.profile";
            if (!catalogue.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? profile))
            {
                var names = catalogue.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
                problems.Report(nameNode, path,
                    $"unknown profile \"{name}\"{Suggestions.DidYouMean(name, names)}; profiles in {FileName}: {string.Join(", ", names)}");
                continue;
            }
            foreach (var (profileKey, profileValue) in ((YamlMappingNode)profile).Children)
            {
                if (!model.Children.ContainsKey(profileKey)) model.Children.Add(profileKey, profileValue);
            }
        }
    }
}
