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
    public static ComponentSpec Of(string name, params (string Key, double Value)[] numbers) =>
        new(name, numbers.ToDictionary(n => n.Key, n => n.Value), new Dictionary<string, string>(),
            new Dictionary<string, IReadOnlyList<double>>(), SourceLocation.None);

    public double Number(string key) => Numbers[key];
    public double NumberOr(string key, double fallback) => Numbers.TryGetValue(key, out double v) ? v : fallback;

    /// <summary>Every parameter key given, whatever its type.</summary>
    public IEnumerable<string> Keys => Numbers.Keys.Concat(Texts.Keys).Concat(Lists.Keys);
}
