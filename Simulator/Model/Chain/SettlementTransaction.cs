using HacaSim.Scenarios;

namespace HacaSim.Model.Chain;

/// <summary>
/// One transaction in the mempool: a single settlement item, or a batch of items under one Merkle root.
/// <see cref="VerifySeconds"/> is what its proofs cost in block execution (0 off chain).
/// </summary>
public sealed class SettlementTransaction<TItem>(IReadOnlyList<TItem> items, long gas, double verifySeconds) where TItem : ISettlementItem
{
    public IReadOnlyList<TItem> Items { get; } = items;
    public long Gas { get; } = gas;
    public double VerifySeconds { get; } = verifySeconds;

    /// <summary>The strongest-trust path among its items: its place under path-priority ordering.</summary>
    public VerificationPath Priority { get; } = StrongestPath(items);

    // A loop, not LINQ's Min with a selector: one transaction per settled request, and Min's enumerator and
    // comparer were allocations and interface calls on every one.
    private static VerificationPath StrongestPath(IReadOnlyList<TItem> items)
    {
        if (items.Count == 0) throw new InvalidOperationException("a settlement transaction holds at least one item");
        VerificationPath min = items[0].Path;
        for (int i = 1; i < items.Count; i++)
            if (items[i].Path < min) min = items[i].Path;
        return min;
    }
}
