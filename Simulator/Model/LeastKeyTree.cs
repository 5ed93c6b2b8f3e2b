namespace HacaSim.Model;

/// <summary>
/// The position with the smallest key among n, ties to the lowest position: a tournament tree (segment
/// tree of winners), O(log n) per key change and O(1) per query. It lets a pool of 100,000 nodes join the
/// shortest queue without scanning them: the left subtree holds the lower positions and wins ties, so the
/// answer is exactly that of a scan in position order keeping the first strictly smaller key.
/// </summary>
internal sealed class LeastKeyTree
{
    private readonly double[] _keys;
    private readonly int[] _winners;
    private readonly int _leaves;

    /// <summary>n positions, all with key +infinity (never chosen while a finite key exists).</summary>
    public LeastKeyTree(int n)
    {
        _leaves = 1;
        while (_leaves < n) _leaves <<= 1;
        _keys = new double[_leaves];
        Array.Fill(_keys, double.PositiveInfinity);
        _winners = new int[2 * _leaves];
        for (int i = 0; i < _leaves; i++) _winners[_leaves + i] = i;
        for (int p = _leaves - 1; p >= 1; p--) _winners[p] = Winner(_winners[2 * p], _winners[2 * p + 1]);
    }

    /// <summary>Position of the smallest key (lowest position on ties).</summary>
    public int Least => _winners[1];

    public double this[int position] => _keys[position];

    /// <summary>Leaves of the tree (n rounded up to a power of two): tree node p >= Leaves is position p - Leaves.</summary>
    public int Leaves => _leaves;

    /// <summary>Position with the smallest key under tree node <paramref name="node"/> (1 is the root), for a search that prunes subtrees.</summary>
    public int WinnerUnder(int node) => _winners[node];

    public void Set(int position, double key)
    {
        if (_keys[position].Equals(key)) return;
        _keys[position] = key;
        for (int p = (position + _leaves) >> 1; p >= 1; p >>= 1)
        {
            int winner = Winner(_winners[2 * p], _winners[2 * p + 1]);
            // The same winner as before, and not the position whose key changed: this node's winner and key are as they
            // were, so no node above it changes either. Most changes of a busy pool stop a level or two up.
            if (winner == _winners[p] && winner != position) return;
            _winners[p] = winner;
        }
    }

    // a is always the lower position (the left subtree): it keeps ties.
    private int Winner(int a, int b) => _keys[b] < _keys[a] ? b : a;
}
