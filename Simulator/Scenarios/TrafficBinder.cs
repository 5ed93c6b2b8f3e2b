using HacaSim.Catalog;
using HacaSim.Model;
using YamlDotNet.RepresentationModel;
using static HacaSim.Scenarios.NumberRule;

namespace HacaSim.Scenarios;

/// <summary>Binds <c>traffic:</c>, the common arrival process and the request classes, with their checks.</summary>
internal sealed class TrafficBinder(ScenarioProblems problems, ComponentSpecReader specs)
{
    internal static readonly string[] TrafficKeys = ["arrival", "classes"];

    internal static readonly string[] ClassKeys =
        ["name", "share", "arrival", "model", "prompt_tokens", "output_tokens", "inference_s", "needs_data", "deadline_s", "timeout_s", "paths", "trust_floor", "trust_value", "delay_cost_per_s"];

    private static readonly string[] PathNames = VerificationPaths.All.Select(p => p.Key()).ToArray();

    /// <summary>A bound class and its readers, so later checks can point at its fields.</summary>
    public sealed record BoundClass(RequestClassConfig Config, MappingReader Fields, MappingReader Paths);

    public sealed record BoundTraffic(ComponentSpec? Arrival, IReadOnlyList<BoundClass> Classes);

    public BoundTraffic Bind(MappingReader top)
    {
        if (!top.Has("traffic"))
        {
            problems.Report(top.Anchor, "traffic", "missing; expected traffic: {arrival: {process: NAME, ...}, classes: [...]}");
            return new BoundTraffic(null, []);
        }
        var traffic = top.Child("traffic", TrafficKeys);
        var arrival = traffic.Value("arrival") is { } a ? specs.Arrival(a, traffic.ChildPath("arrival")) : null;
        var classes = new List<BoundClass>();
        string classesPath = traffic.ChildPath("classes");
        var classesNode = traffic.Value("classes");
        if (classesNode is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            if (traffic.Node != null)
                problems.Report(classesNode ?? traffic.Anchor, classesPath,
                    $"expected a non-empty list of request classes, found {(classesNode == null ? "nothing" : ScenarioProblems.Describe(classesNode))}");
            return new BoundTraffic(arrival, classes);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var bound = BindClass(new MappingReader(problems, sequence.Children[i], $"{classesPath}[{i}]", sequence.Children[i], ClassKeys));
            if (bound == null) continue;
            if (!names.Add(bound.Config.Name))
                problems.Report(bound.Fields.NodeFor("name"), bound.Fields.ChildPath("name"), $"class name \"{bound.Config.Name}\" is used twice; names must be unique");
            classes.Add(bound);
        }

        var fedByCommon = classes.Where(c => c.Config.Arrival == null).ToList();
        if (fedByCommon.Count > 0 && arrival == null && !traffic.Has("arrival"))
            problems.Report(traffic.Anchor, traffic.ChildPath("arrival"),
                $"missing; classes {string.Join(", ", fedByCommon.Select(c => c.Config.Name))} have no arrival of their own, " +
                "so traffic needs arrival: {process: NAME, ...}");
        if (fedByCommon.Count > 0 && fedByCommon.All(c => c.Config.Share == 0) && fedByCommon.All(c => c.Fields.Has("share")))
            problems.Report(sequence, classesPath,
                "every class fed by traffic.arrival has share 0; shares are relative weights >= 0 and at least one must be > 0");
        return new BoundTraffic(arrival, classes);
    }

    private BoundClass? BindClass(MappingReader c)
    {
        if (c.Node == null) return null;
        string name = c.Value("name") is { } n ? problems.Text(n, c.ChildPath("name"), "a class name") ?? "" : "";
        if (!c.Has("name")) problems.Report(c.Anchor, c.ChildPath("name"), "missing; expected a class name (used in results)");
        double share = c.Number("share", 1, NonNegative);
        var arrival = c.Value("arrival") is { } a ? specs.Arrival(a, c.ChildPath("arrival")) : null;
        string? model = c.OptionalText("model", "a model name from models:");
        var prompt = Distribution(c, "prompt_tokens");
        var output = Distribution(c, "output_tokens");
        var inference = Distribution(c, "inference_s");

        if (c.Has("model") && c.Has("inference_s"))
            problems.Report(c.NodeFor("inference_s"), c.ChildPath("inference_s"),
                "a class takes either model (token-based cost) or inference_s (fixed cost), not both");
        else if (!c.Has("model") && !c.Has("inference_s"))
            problems.Report(c.Anchor, c.Path,
                "missing model or inference_s; a class needs model (a name from models:, with prompt_tokens and output_tokens) " +
                "or inference_s (a distribution of seconds on a speed-1 node)");
        else if (!c.Has("model"))
        {
            foreach (string key in new[] { "prompt_tokens", "output_tokens" }.Where(c.Has))
                problems.Report(c.NodeFor(key), c.ChildPath(key), $"{key} only applies to a class with model; this class uses inference_s");
        }

        int problemsBefore = problems.Count;
        var paths = c.Child("paths", PathNames);
        var weights = new Dictionary<VerificationPath, double>();
        foreach (var path in VerificationPaths.All)
            weights[path] = paths.Node == null ? (path == VerificationPath.Vanilla ? 1 : 0) : paths.Number(path.Key(), 0, NonNegative);
        if (paths.Node != null && weights.Values.All(w => w == 0) && problems.Count == problemsBefore)
            problems.Report(paths.Node, paths.Path,
                $"every path weight is 0; weights are relative, >= 0, and at least one of {string.Join(", ", PathNames)} must be > 0");

        VerificationPath? floor = c.Has("trust_floor") && VerificationPaths.TryParse(c.Choice("trust_floor", "", PathNames, "path"), out var f) ? f : null;
        // The utility policy's per-class parameters (dollars per request by path, dollars per second of time to trust).
        var values = c.Child("trust_value", PathNames);
        IReadOnlyDictionary<VerificationPath, double>? trustValue = values.Node == null ? null
            : VerificationPaths.All.ToDictionary(p => p, p => values.Number(p.Key(), 0, NonNegative));
        var config = new RequestClassConfig(name, share, arrival, model, prompt, output, inference,
            c.Number("needs_data", 0, Probability), c.OptionalNumber("deadline_s", Positive), weights, c.OptionalNumber("timeout_s", Positive), floor)
        {
            TrustValueUsd = trustValue,
            DelayCostUsdPerSecond = c.OptionalNumber("delay_cost_per_s", NonNegative),
        };
        return new BoundClass(config, c, paths);
    }

    private ComponentSpec? Distribution(MappingReader reader, string key) =>
        reader.Value(key) is { } node && !ScenarioProblems.IsNull(node) ? specs.Distribution(node, reader.ChildPath(key)) : null;
}
