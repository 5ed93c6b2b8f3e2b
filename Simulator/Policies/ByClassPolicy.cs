using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Policies;

/// <summary>
/// A fixed path per request class: <c>{name: by_class, risk-score: zkml, chat: tee, default: vanilla}</c>
/// (model.md: small models to ZKML, LLMs to TEE). The loader checks the class names against the traffic.
/// </summary>
public sealed class ByClassPolicy : IPathPolicy
{
    public const string DefaultKey = "default";
    private readonly Dictionary<string, (VerificationPath Path, string Reason)> _byClass = new(StringComparer.Ordinal);
    private readonly VerificationPath? _default;

    public ByClassPolicy(ComponentSpec spec)
    {
        foreach (string key in spec.Keys)
        {
            if (!spec.Texts.TryGetValue(key, out string? text)) throw new ArgumentException($"{key} must be a path name ({TrustOrder.Names})");
            VerificationPath path = TrustOrder.Parse(text, key);
            if (key == DefaultKey) _default = path;
            else _byClass[key] = (path, "by_class:" + key);
        }
    }

    /// <summary>The class names the policy maps.</summary>
    public IEnumerable<string> Classes => _byClass.Keys;
    public bool HasDefault => _default is not null;

    /// <summary>
    /// The catalog entry's check of a valid spec against the scenario's classes: every class it names exists, and every
    /// class has a path (or there is a default). Read from the spec's keys: no policy is built to ask.
    /// </summary>
    public static IEnumerable<(string? Key, string Message)> CheckClasses(ComponentSpec spec, IReadOnlyList<string> classes)
    {
        var mapped = spec.Keys.Where(k => k != DefaultKey).ToList();
        string known = $"classes: {string.Join(", ", classes)}";
        foreach (string name in mapped.Where(n => !classes.Contains(n)))
            yield return (name, $"unknown class \"{name}\"{Suggestions.DidYouMean(name, classes)}; {known}, or {DefaultKey}");
        var unmapped = classes.Where(c => !mapped.Contains(c)).ToList();
        if (!spec.Keys.Contains(DefaultKey) && unmapped.Count > 0)
            yield return (null, $"by_class gives no path for class {string.Join(", ", unmapped)}; add CLASS: PATH for each, or {DefaultKey}: PATH");
    }

    public PathDecision Choose(Request request, INetworkView network) =>
        _byClass.TryGetValue(request.Class.Name, out var entry) ? new PathDecision(entry.Path, entry.Reason)
        : new PathDecision(_default ?? throw new InvalidOperationException($"by_class has no path for class {request.Class.Name}"), "by_class:default");
}
