using HacaSim.Scenarios;

namespace HacaSim.Model.Chain;

/// <summary>
/// Transactions waiting for a block, in FIFO order or by path priority (one FIFO queue per path, the
/// strongest-trust path first). Counts the settlement items it holds.
/// </summary>
public sealed class Mempool<TItem>(MempoolOrder order) where TItem : ISettlementItem
{
    private readonly Queue<SettlementTransaction<TItem>>[] _queues =
        Enumerable.Range(0, order == MempoolOrder.PathPriority ? VerificationPaths.All.Count : 1).Select(_ => new Queue<SettlementTransaction<TItem>>()).ToArray();

    /// <summary>Settlement items in all waiting transactions.</summary>
    public int Items { get; private set; }

    public void Add(SettlementTransaction<TItem> tx)
    {
        _queues[order == MempoolOrder.PathPriority ? (int)tx.Priority : 0].Enqueue(tx);
        Items += tx.Items.Count;
    }

    /// <summary>The transaction a block would take next, or null when empty.</summary>
    public SettlementTransaction<TItem>? Peek()
    {
        foreach (var q in _queues)
            if (q.Count > 0) return q.Peek();
        return null;
    }

    public SettlementTransaction<TItem> Take()
    {
        foreach (var q in _queues)
        {
            if (q.Count == 0) continue;
            SettlementTransaction<TItem> tx = q.Dequeue();
            Items -= tx.Items.Count;
            return tx;
        }
        throw new InvalidOperationException("the mempool is empty");
    }
}
