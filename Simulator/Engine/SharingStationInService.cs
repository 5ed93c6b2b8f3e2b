namespace HacaSim.Engine;

/// <summary>
/// One class's jobs in service on a <see cref="SharingStation{TJob}"/>, in <see cref="SharingStationRunning{TJob}.Compare"/>
/// order: the set the station reads its next completion from (<see cref="Min"/>), preempts from (<see cref="Max"/>) and
/// hands back in order when it goes down. It replaces a <c>SortedSet</c> with the same comparer and the same answers
/// (the keys are distinct: every entry has its own sequence number).
/// </summary>
/// <remarks>
/// A sorted array of structs, largest first, so the smallest (the next to finish, removed at every completion) is the
/// last element and leaves in O(1) without moving anything; an insertion moves the entries after its place. A class
/// has a handful of jobs in service on a GPU (a batch of 8 and its proofs in baseline.yaml), where this is cheaper than
/// a tree and allocates nothing once the array has grown to the most jobs seen at once.
/// </remarks>
internal sealed class SharingStationInService<TJob> where TJob : class
{
    private SharingStationRunning<TJob>[] _items = new SharingStationRunning<TJob>[4];

    public int Count { get; private set; }

    /// <summary>The job that finishes first (needs <see cref="Count"/> &gt; 0).</summary>
    public SharingStationRunning<TJob> Min => _items[Count - 1];

    /// <summary>The job that finishes last (needs <see cref="Count"/> &gt; 0).</summary>
    public SharingStationRunning<TJob> Max => _items[0];

    /// <summary>The <paramref name="i"/>-th job in order, 0 the first to finish.</summary>
    public SharingStationRunning<TJob> this[int i] => _items[Count - 1 - i];

    public void Add(in SharingStationRunning<TJob> entry)
    {
        if (Count == _items.Length) Array.Resize(ref _items, 2 * _items.Length);
        // The first place whose entry comes before the new one in the order (the array runs largest first).
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (SharingStationRunning<TJob>.Compare(_items[mid], entry) > 0) lo = mid + 1;
            else hi = mid;
        }
        if (lo < Count) Array.Copy(_items, lo, _items, lo + 1, Count - lo);
        _items[lo] = entry;
        Count++;
    }

    /// <summary>Takes out and returns the job that finishes first.</summary>
    public SharingStationRunning<TJob> RemoveMin()
    {
        SharingStationRunning<TJob> min = _items[--Count];
        _items[Count] = default; // no reference kept to a job that left
        return min;
    }

    /// <summary>Takes out and returns the job that finishes last.</summary>
    public SharingStationRunning<TJob> RemoveMax()
    {
        SharingStationRunning<TJob> max = _items[0];
        Array.Copy(_items, 1, _items, 0, --Count);
        _items[Count] = default;
        return max;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}
