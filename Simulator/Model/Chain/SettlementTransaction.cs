using HacaSim.Scenarios;

namespace HacaSim.Model.Chain;

/// <summary>
/// One transaction in the mempool: a single settlement item, or a batch of items under one Merkle root.
/// <see cref="VerifySeconds"/> is what its proofs cost in block execution (0 off chain). A single-item transaction
/// can be refilled once a block has taken it (<see cref="Refill"/>): the chain settles one per request, and a new
/// transaction and item list per request were two allocations on every one.
/// </summary>
public sealed class SettlementTransaction<TItem> where TItem : ISettlementItem
{
    // The item of a single-item transaction (Items is this array); null for a batch.
    private readonly TItem[]? _single;

    public SettlementTransaction(IReadOnlyList<TItem> items, long gas, double verifySeconds)
    {
        Items = items;
        Gas = gas;
        VerifySeconds = verifySeconds;
        Priority = StrongestPath(items);
    }

    /// <summary>A transaction of one item, which its owner may <see cref="Refill"/> after a block took it.</summary>
    public SettlementTransaction(TItem item, long gas, double verifySeconds)
    {
        _single = [item];
        Items = _single;
        Refill(item, gas, verifySeconds);
    }

    public IReadOnlyList<TItem> Items { get; }
    public long Gas { get; private set; }
    public double VerifySeconds { get; private set; }

    /// <summary>The strongest-trust path among its items: its place under path-priority ordering.</summary>
    public VerificationPath Priority { get; private set; }

    /// <summary>True for a single-item transaction (refillable).</summary>
    public bool IsSingle => _single is not null;

    /// <summary>Makes a single-item transaction that no mempool or block holds any more carry another item.</summary>
    public void Refill(TItem item, long gas, double verifySeconds)
    {
        if (_single is null) throw new InvalidOperationException("only a single-item settlement transaction can be refilled");
        _single[0] = item;
        Gas = gas;
        VerifySeconds = verifySeconds;
        Priority = item.Path;
    }

    /// <summary>Drops the item of a single-item transaction kept for reuse, so the transaction does not keep it alive.</summary>
    public void Clear()
    {
        if (_single is not null) _single[0] = default!;
    }

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
