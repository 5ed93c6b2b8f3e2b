namespace HacaSim.Catalog;

/// <summary>
/// One named implementation in a catalog: what it is, which parameter sets it takes, and how to build
/// it. The scenario validator, <c>hacasim list</c> and <c>--help</c> all read these entries, so a new
/// implementation is one entry here and one file.
/// </summary>
public sealed record CatalogEntry<T>(
    string Name,
    string Description,
    IReadOnlyList<ParameterSet> ParameterSets,
    Func<ComponentSpec, Random, T> Create)
{
    public string Usage => string.Join(" | ", ParameterSets.Select(p => $"{{{p}}}"));
}
