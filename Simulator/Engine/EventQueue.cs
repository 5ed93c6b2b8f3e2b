namespace HacaSim.Engine;

/// <summary>
/// The event calendar: a binary min-heap ordered by (time, priority, insertion sequence), so that
/// events at equal times fire in a fixed order on every run (.NET's PriorityQueue does not keep ties
/// stable). The heap holds only 24-byte keys; each event's callback and state live in slot arrays
/// reused through a free list, so steady-state scheduling allocates nothing, and each slot knows its
/// heap position, which makes cancellation an exact O(log n) removal instead of a tombstone.
/// </summary>
public sealed class EventQueue
{
    private struct Key
    {
        public double Time;
        public long Sequence;
        public int Priority;
        public int Slot;
    }

    private Key[] _heap = new Key[64];
    private int _count;

    private Action<object?>[] _actions = new Action<object?>[64];
    private object?[] _states = new object?[64];
    private int[] _positions = new int[64];
    private int[] _versions = new int[64];
    private int[] _freeSlots = new int[64];
    private int _freeCount;
    private int _slotsUsed;
    private long _nextSequence;

    /// <summary>Events waiting to fire.</summary>
    public int Count => _count;

    /// <summary>Time of the next event, or +infinity when the calendar is empty.</summary>
    public double PeekTime => _count > 0 ? _heap[0].Time : double.PositiveInfinity;

    /// <summary>Adds an event; lower <paramref name="priority"/> fires first among equal times.</summary>
    public EventHandle Enqueue(double time, int priority, Action<object?> action, object? state)
    {
        int slot = AcquireSlot();
        _actions[slot] = action;
        _states[slot] = state;
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        _heap[_count] = new Key { Time = time, Priority = priority, Sequence = _nextSequence++, Slot = slot };
        SiftUp(_count++);
        return new EventHandle(slot, _versions[slot]);
    }

    /// <summary>Removes the earliest event and returns its time, callback and state.</summary>
    public double Dequeue(out Action<object?> action, out object? state)
    {
        if (_count == 0) throw new InvalidOperationException("The event calendar is empty.");
        Key top = _heap[0];
        RemoveAt(0);
        action = _actions[top.Slot];
        state = _states[top.Slot];
        ReleaseSlot(top.Slot);
        return top.Time;
    }

    /// <summary>Cancels a pending event; false if it already fired or was cancelled.</summary>
    public bool Cancel(EventHandle handle)
    {
        int slot = handle.Slot;
        if (slot < 0 || slot >= _slotsUsed || _versions[slot] != handle.Version || _positions[slot] < 0) return false;
        RemoveAt(_positions[slot]);
        ReleaseSlot(slot);
        return true;
    }

    /// <summary>True while the event named by <paramref name="handle"/> is still waiting to fire.</summary>
    public bool IsPending(EventHandle handle) =>
        handle.Slot >= 0 && handle.Slot < _slotsUsed && _versions[handle.Slot] == handle.Version && _positions[handle.Slot] >= 0;

    private int AcquireSlot()
    {
        if (_freeCount > 0) return _freeSlots[--_freeCount];
        if (_slotsUsed == _actions.Length)
        {
            int size = _actions.Length * 2;
            Array.Resize(ref _actions, size);
            Array.Resize(ref _states, size);
            Array.Resize(ref _positions, size);
            Array.Resize(ref _versions, size);
            Array.Resize(ref _freeSlots, size);
        }
        return _slotsUsed++;
    }

    private void ReleaseSlot(int slot)
    {
        _actions[slot] = null!;
        _states[slot] = null; // let the garbage collector have the job
        _positions[slot] = -1;
        _versions[slot]++;
        _freeSlots[_freeCount++] = slot;
    }

    private void RemoveAt(int index)
    {
        _count--;
        if (index == _count) return;
        _heap[index] = _heap[_count];
        _positions[_heap[index].Slot] = index;
        if (index > 0 && Less(index, (index - 1) >> 1)) SiftUp(index);
        else SiftDown(index);
    }

    private bool Less(int a, int b)
    {
        ref Key x = ref _heap[a];
        ref Key y = ref _heap[b];
        if (x.Time != y.Time) return x.Time < y.Time;
        if (x.Priority != y.Priority) return x.Priority < y.Priority;
        return x.Sequence < y.Sequence;
    }

    private void SiftUp(int index)
    {
        Key item = _heap[index];
        while (index > 0)
        {
            int parent = (index - 1) >> 1;
            ref Key p = ref _heap[parent];
            bool less = item.Time != p.Time ? item.Time < p.Time
                : item.Priority != p.Priority ? item.Priority < p.Priority
                : item.Sequence < p.Sequence;
            if (!less) break;
            _heap[index] = p;
            _positions[p.Slot] = index;
            index = parent;
        }
        _heap[index] = item;
        _positions[item.Slot] = index;
    }

    private void SiftDown(int index)
    {
        Key item = _heap[index];
        int half = _count >> 1;
        while (index < half)
        {
            int child = 2 * index + 1;
            if (child + 1 < _count && Less(child + 1, child)) child++;
            ref Key c = ref _heap[child];
            bool less = c.Time != item.Time ? c.Time < item.Time
                : c.Priority != item.Priority ? c.Priority < item.Priority
                : c.Sequence < item.Sequence;
            if (!less) break;
            _heap[index] = c;
            _positions[c.Slot] = index;
            index = child;
        }
        _heap[index] = item;
        _positions[item.Slot] = index;
    }
}
