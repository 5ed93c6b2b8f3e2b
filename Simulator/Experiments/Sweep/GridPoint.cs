namespace HacaSim.Experiments.Sweep;

/// <summary>One point of a sweep grid: a value for each swept parameter.</summary>
public sealed record GridPoint(int Index, IReadOnlyList<(string Name, string Value)> Values)
{
    public string Key => string.Join(",", Values.Select(v => $"{v.Name}={v.Value}"));
    public IReadOnlyList<string> Overrides => Values.Select(v => $"{v.Name}={v.Value}").ToList();

    /// <summary>The grid of every combination, the last parameter varying fastest.</summary>
    public static IReadOnlyList<GridPoint> Grid(IReadOnlyList<SweepParameter> parameters)
    {
        IEnumerable<List<(string, string)>> combos = [[]];
        foreach (SweepParameter p in parameters)
            combos = combos.SelectMany(c => p.Values.Select(v => new List<(string, string)>(c) { (p.Name, v) }));
        return combos.Select((c, i) => new GridPoint(i, c)).ToList();
    }
}
