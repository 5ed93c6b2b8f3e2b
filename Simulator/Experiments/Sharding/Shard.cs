using System.Globalization;
using HacaSim.Experiments.Execution;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// The K-th of N slices of an experiment's units (<c>--shard K/N</c>, K from 0): the units whose index in the
/// experiment's unit list is K mod N. Round-robin rather than blocks, so shards get a similar mix of cases
/// (a sweep's heavy points are spread). N may exceed the number of units: the extra shards hold nothing.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>More shards than this is no use (an experiment has at most <c>ResourceLimits.MaxWorkUnits</c> units; extra shards are empty).</summary>
    public const int MaxCount = 100_000;

    public static Shard Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && k < n && n <= MaxCount)
            return new Shard(k, n);
        throw new InputException($"--shard {text}: expected K/N with 0 <= K < N <= {MaxCount}, e.g. 0/4 for the first of four shards");
    }

    public bool Holds(int unitIndex) => unitIndex % Count == Index;

    public IReadOnlyList<WorkUnit> Select(IReadOnlyList<WorkUnit> units) => units.Where((_, i) => Holds(i)).ToList();

    public override string ToString() => $"{Index}/{Count}";
}
