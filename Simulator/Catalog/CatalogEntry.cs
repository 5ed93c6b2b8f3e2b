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
    /// <summary>
    /// The entry's own check against the scenario's request classes (a policy that names classes), if it has one: each
    /// problem with the parameter key it concerns (null: the whole spec). The loader runs it; nothing type-tests the built component.
    /// </summary>
    public Func<ComponentSpec, IReadOnlyList<string>, IEnumerable<(string? Key, string Message)>>? ClassCheck { get; init; }

    public string Usage => string.Join(" | ", ParameterSets.Select(p => $"{{{p}}}"));
}
