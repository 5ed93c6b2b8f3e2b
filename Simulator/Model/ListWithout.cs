using System.Collections;

namespace HacaSim.Model;

/// <summary>
/// A read-only view of a list with a few of its positions left out, in the list's order: exactly the list a
/// copy followed by removals would leave, without copying. Picking k distinct nodes out of n then costs
/// O(k²) for the removals (k is a replication factor, a handful) instead of copying all n nodes per job.
/// </summary>
internal sealed class ListWithout<T> : IReadOnlyList<T>
{
    private IReadOnlyList<T> _items = [];
    // Positions in _items left out, ascending.
    private readonly List<int> _removed = [];

    /// <summary>Shows all of <paramref name="items"/> again.</summary>
    public void Reset(IReadOnlyList<T> items)
    {
        _items = items;
        _removed.Clear();
    }

    public int Count => _items.Count - _removed.Count;

    public T this[int index] => _items[Position(index)];

    /// <summary>Leaves out what is now at <paramref name="index"/> of the view; the rest keep their order.</summary>
    public void RemoveAt(int index)
    {
        int position = Position(index);
        int at = _removed.BinarySearch(position);
        _removed.Insert(~at, position);
    }

    // The position in _items of the view's index-th item: step over each left-out position at or before it.
    private int Position(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"the view holds {Count} items");
        int position = index;
        foreach (int removed in _removed)
        {
            if (removed > position) break;
            position++;
        }
        return position;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
