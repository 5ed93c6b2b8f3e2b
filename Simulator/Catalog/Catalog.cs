using HacaSim.Randomness;

namespace HacaSim.Catalog;

/// <summary>A set of named implementations of one kind (distributions, arrival processes, policies).</summary>
public sealed class Catalog<T>
{
    private readonly Dictionary<string, CatalogEntry<T>> _entries;

    public Catalog(string kind, IEnumerable<CatalogEntry<T>> entries)
    {
        Kind = kind;
        _entries = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>What the catalog holds, for messages ("distribution", "arrival process").</summary>
    public string Kind { get; }

    public IEnumerable<CatalogEntry<T>> Entries => _entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>Problems with <paramref name="spec"/>, each a sentence saying what is allowed; empty when valid.</summary>
    public IReadOnlyList<string> Validate(ComponentSpec spec) => spec.Described is T ? [] : Check(spec, out _);

    /// <summary>
    /// <paramref name="spec"/> validated and bound once for its description (<see cref="ComponentSpec.Described"/>), or
    /// null with the problems. The loader binds every component it reads; a replication then only attaches its streams.
    /// </summary>
    public (ComponentSpec? Bound, IReadOnlyList<string> Problems) TryBind(ComponentSpec spec)
    {
        if (spec.Described is T) return (spec, []);
        var problems = Check(spec, out T? built);
        return problems.Count > 0 ? (null, problems) : (spec with { Described = built }, problems);
    }

    private IReadOnlyList<string> Check(ComponentSpec spec, out T? built)
    {
        built = default;
        if (!_entries.TryGetValue(spec.Name, out var entry))
            return [$"unknown {Kind} \"{spec.Name}\"{Suggestions.DidYouMean(spec.Name, Names)}; allowed: {string.Join(", ", Names)}"];
        if (!entry.ParameterSets.Any(p => p.Matches(spec.Keys)))
        {
            string given = spec.Keys.Any() ? string.Join(", ", spec.Keys.Order(StringComparer.Ordinal)) : "none";
            return [$"{Kind} \"{spec.Name}\" takes {entry.Usage}; given: {given}"];
        }
        try
        {
            // Build it for its description (never sampled): the constructors check value ranges with clear messages.
            built = entry.Create(spec, NoRandomness.Instance);
            return [];
        }
        catch (Exception e) when (e is ArgumentException or InputException)
        {
            // Without " (Parameter 'ratePerSecond')", and C# names in the text as scenario keys (ratePerSecond -> rate,
            // intervalSeconds -> interval_s): a C# parameter name means nothing to a scenario's author.
            string message = e is ArgumentException { ParamName: { } p } ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
            message = System.Text.RegularExpressions.Regex.Replace(message, @"\b[a-z]+(?:[A-Z][a-z]*)+\b", m => ScenarioKey(m.Value));
            return [$"{Kind} \"{spec.Name}\": {FirstLine(message)}"];
        }
        catch (KeyNotFoundException)
        {
            // A constructor looked a parameter up among the texts or lists and it was given as another type.
            string given = string.Join(", ", spec.Numbers.Keys.Select(k => $"{k} (a number)").Concat(spec.Texts.Keys.Select(k => $"{k} (text)"))
                .Concat(spec.Lists.Keys.Select(k => $"{k} (a list)")).Order(StringComparer.Ordinal));
            return [$"{Kind} \"{spec.Name}\" takes {entry.Usage}, and a parameter has the wrong type; given: {given}"];
        }
    }

    /// <summary>A C# parameter name as the scenario key it comes from: ratePerSecond -> rate, meanSojournSeconds -> mean_sojourn_s.</summary>
    private static string ScenarioKey(string camel)
    {
        string s = camel.Replace("PerSecond", "", StringComparison.Ordinal);
        s = s.EndsWith("Seconds", StringComparison.Ordinal) ? s[..^"Seconds".Length] + "_s" : s;
        return System.Text.RegularExpressions.Regex.Replace(s, "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();
    }

    /// <summary>Problems of a valid <paramref name="spec"/> against the scenario's request classes (its entry's <see cref="CatalogEntry{T}.ClassCheck"/>).</summary>
    public IReadOnlyList<(string? Key, string Message)> CheckClasses(ComponentSpec spec, IReadOnlyList<string> classes) =>
        _entries.TryGetValue(spec.Name, out var entry) && entry.ClassCheck is { } check ? check(spec, classes).ToList() : [];

    /// <summary>
    /// The component <paramref name="spec"/> names, for what it says of itself without drawing (a distribution's mean,
    /// variance or minimum, an arrival process's rate, a policy's kind): the one bound at load
    /// (<see cref="ComponentSpec.Described"/>), or bound now for a spec made in code. It has no random source
    /// (<see cref="NoRandomness"/>): sampling it throws.
    /// </summary>
    public T Describe(ComponentSpec spec)
    {
        var (bound, problems) = TryBind(spec);
        if (bound is null) throw new InputException(problems.Select(spec.Location.Format).ToList());
        return (T)bound.Described!;
    }

    /// <summary>Builds a validated spec, drawing from <paramref name="rng"/>.</summary>
    public T Create(ComponentSpec spec, Random rng)
    {
        var problems = Validate(spec);
        if (problems.Count > 0) throw new InputException(problems.Select(spec.Location.Format).ToList());
        return _entries[spec.Name].Create(spec, rng);
    }

    // ArgumentException appends " (Parameter 'x')", which names a C# parameter the user never wrote.
    private static string FirstLine(string message)
    {
        string line = message.Split('\n')[0].Trim();
        int parameter = line.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 ? line[..parameter] : line;
    }
}
