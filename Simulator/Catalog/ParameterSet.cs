namespace HacaSim.Catalog;

/// <summary>
/// One accepted combination of parameter names for a catalog entry (lognormal takes mean+cv, or mu+sigma, ...).
/// <see cref="OtherKeys"/>, when set, admits keys the catalog cannot know (class names in <c>by_class</c>)
/// and says what they are; the loader checks them against the scenario.
/// </summary>
public sealed record ParameterSet(IReadOnlyList<string> Required, IReadOnlyList<string> Optional, string? OtherKeys = null)
{
    public ParameterSet(params string[] required) : this(required, []) { }

    public bool Matches(IEnumerable<string> given)
    {
        var set = given.ToHashSet();
        return Required.All(set.Contains) && (OtherKeys != null || set.All(k => Required.Contains(k) || Optional.Contains(k)));
    }

    public override string ToString() =>
        string.Join(", ", Required.Concat(Optional.Select(o => $"[{o}]")).Concat(OtherKeys is null ? [] : [$"[{OtherKeys}]..."]));
}
