namespace HacaSim.Catalog;

/// <summary>
/// A named, parameterised choice read from a scenario: a distribution (<c>{dist: lognormal, mean: 2, cv: 1}</c>),
/// an arrival process (<c>{process: poisson, rate: 5.5}</c>), a policy. <see cref="Location"/> says where it
/// was written so that a catalog's complaint can name the file, line and field.
/// </summary>
public sealed record ComponentSpec(
    string Name,
    IReadOnlyDictionary<string, double> Numbers,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Lists,
    SourceLocation Location)
{
    /// <summary>
    /// The component bound once at load for its description (built without a random source; see
    /// <see cref="Catalog{T}.Describe"/>); null for a spec made in code, which is bound when first described.
    /// </summary>
    public object? Described { get; init; }

    /// <summary>The named data file's contents, when the loader read it at bind time; null: the factory reads the file itself.</summary>
    public AttachedData? Data { get; init; }

    public static ComponentSpec Of(string name, params (string Key, double Value)[] numbers) =>
        new(name, numbers.ToDictionary(n => n.Key, n => n.Value), new Dictionary<string, string>(),
            new Dictionary<string, IReadOnlyList<double>>(), SourceLocation.None);

    /// <summary>A number parameter; a text or a list given for it is a user's mistake, reported as such (not a missing key).</summary>
    public double Number(string key) => Numbers.TryGetValue(key, out double v) ? v : throw WrongType(key, "a number");

    public double NumberOr(string key, double fallback) =>
        Numbers.TryGetValue(key, out double v) ? v : Texts.ContainsKey(key) || Lists.ContainsKey(key) ? throw WrongType(key, "a number") : fallback;

    /// <summary>"rate must be a number, found text "fast"": for a parameter given with the wrong type.</summary>
    public ArgumentException WrongType(string key, string expected) => new(
        Texts.TryGetValue(key, out string? text) ? $"{key} must be {expected}, found text \"{text}\""
        : Lists.ContainsKey(key) ? $"{key} must be {expected}, found a list"
        : Numbers.TryGetValue(key, out double n) ? $"{key} must be {expected}, found the number {n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"
        : $"{key} is missing; it must be {expected}");

    /// <summary>Every parameter key given, whatever its type.</summary>
    public IEnumerable<string> Keys => Numbers.Keys.Concat(Texts.Keys).Concat(Lists.Keys);
}
