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
    public VerificationPath Priority { get; } = items.Min(r => r.Path);
}
