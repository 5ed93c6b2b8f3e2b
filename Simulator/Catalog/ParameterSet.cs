namespace HacaSim.Catalog;

/// <summary>One accepted combination of parameter names for a catalog entry (lognormal takes mean+cv, or mu+sigma, ...).</summary>
public sealed record ParameterSet(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public ParameterSet(params string[] required) : this(required, []) { }

    public bool Matches(IEnumerable<string> given)
    {
        var set = given.ToHashSet();
        return Required.All(set.Contains) && set.All(k => Required.Contains(k) || Optional.Contains(k));
    }

    public override string ToString() =>
        string.Join(", ", Required.Concat(Optional.Select(o => $"[{o}]")));
}
