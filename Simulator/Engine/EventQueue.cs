using System.Runtime.CompilerServices;

namespace HacaSim.Engine;

/// <summary>
/// The event calendar: a binary min-heap ordered by (time, priority, insertion sequence), so that
/// events at equal times fire in a fixed order on every run (.NET's PriorityQueue does not keep ties
/// stable). The heap holds only 24-byte keys; each event's callback and state live in slot arrays
/// reused through a free list, so steady-state scheduling allocates nothing, and each slot knows its
/// heap position, which makes cancellation an exact O(log n) removal instead of a tombstone.
/// </summary>
/// <remarks>
/// Events at the current instant with the default priority (zero-delay hand-offs between stages: a signature
/// of zero seconds, a hop without latency, a verification that costs nothing) skip the heap: they go to a FIFO
/// ring, which their keys enter already sorted (same time, same priority, rising sequence). Dequeue takes the
/// smaller of the heap's top and the ring's head by the same (time, priority, sequence) key, so events fire in
/// exactly the order the heap alone gave; an M/M/c run through the HACA model fires 3 of its 5 events per
/// customer at the instant they are scheduled, and each skipped a sift up and a sift down. A cancelled ring
/// entry is left behind as a tombstone (its slot's version moved on) and skipped when it reaches the head.
/// <para>
/// A priority-0 event due at the same time as the event enqueued just before it (the sequence before its own, still
/// pending, also of priority 0) skips the heap too: it waits in a chain behind that event's key, and when that key leaves
/// the heap (fired or cancelled) the next in its chain takes the key's place with its own sequence, without a sift. No
/// pending event can come between the two, since no sequence lies between theirs, so the heap stays ordered and events fire
/// in exactly the order the heap alone gave. Why: with <c>verification.replication: all</c> a request's proof starts on every
/// verifier at once with the same verification time, so baseline.yaml enqueues 8 completions at one time per request, 8 of
/// its ~12.7 events per request, each a sift up and a sift down through the heap (SiftDown, SiftUp and RemoveAt were 19% of
/// the Native AOT binary's samples). Chained, a 60,000 s baseline run took 0.65 s instead of 0.75 s (medians of 5
/// alternating runs, load ~2.1).
/// </para>
/// </remarks>
public sealed class EventQueue
{
    private struct Key
    {
        public double Time;
        public long Sequence;
        public int Priority;
        public int Slot;
    }

    private struct FifoEntry
    {
        public double Time;
        public long Sequence;
        public int Slot;
        public int Version;
    }

    // Positions of a slot that is not in the heap.
    private const int Free = -1;
    private const int InFifo = -2;
    private const int InChain = -3;

    private Key[] _heap = new Key[64];
    private int _count;

    // The ring of same-instant events: entries from _fifoHead, _fifoCount of them (tombstones included), _fifoLive live.
    private FifoEntry[] _fifo = new FifoEntry[64];
    private int _fifoHead;
    private int _fifoCount;
    private int _fifoLive;
    // Time of the last event dequeued: the current instant of the simulation that owns this calendar.
    private double _now;

    // Callback and state side by side in a struct: storing a reference into an element of a reference-type array costs a
    // covariance check (CastHelpers.StelemRef) per store, two per event, ~1.4% of an M/M/4 run; a struct field costs none.
    private struct Callback
    {
        public Action<object?> Action;
        public object? State;
    }

    private Callback[] _callbacks = new Callback[64];
    private int[] _positions = new int[64];
    private int[] _versions = new int[64];
    private int[] _freeSlots = new int[64];
    private int _freeCount;
    private int _slotsUsed;
    private long _nextSequence;

    // Chains of same-time successors (remarks): per slot, the next and the previous event of its chain as slot + 1 (0 for
    // none), and a chained event's sequence; events waiting in chains; the last event that went the heap's way.
    private int[] _chainNext = new int[64];
    private int[] _chainPrev = new int[64];
    private long[] _chainSequence = new long[64];
    private int _chained;
    private int _lastSlot;
    private int _lastVersion;
    private long _lastSequence = long.MinValue;
    private double _lastTime;

    // The heap's root is an event already fired (TryDequeue), left there for the next enqueue to overwrite: an event that
    // schedules a later one (an arrival its successor, a completion the next job's) then costs one sift down instead of a
    // removal and a sift up. The same keys stay in the heap either way, so the order is unchanged. Every other reader of the
    // heap removes it first (SettleTop).
    private bool _topFired;

    /// <summary>Events waiting to fire.</summary>
    public int Count => _count - (_topFired ? 1 : 0) + _fifoLive + _chained;

    /// <summary>Time of the next event, or +infinity when the calendar is empty.</summary>
    public double PeekTime
    {
        get
        {
            SettleTop();
            SkipTombstones();
            double heapTime = _count > 0 ? _heap[0].Time : double.PositiveInfinity;
            return _fifoCount > 0 && _fifo[_fifoHead].Time < heapTime ? _fifo[_fifoHead].Time : heapTime;
        }
    }

    /// <summary>
    /// True when an event enqueued now at time <paramref name="now"/> (the instant of the last dequeue) with priority 0 would
    /// be the next to leave: no live entry in the ring (they all came first), and the heap's top is not due at this
    /// instant with a priority of 0 or less (such an event was enqueued earlier, so its sequence is lower, or its
    /// priority is).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NothingDueBefore(double now)
    {
        SettleTop();
        return _fifoLive == 0 && (_count == 0 || _heap[0].Time != now || _heap[0].Priority > 0);
    }

    /// <summary>Removes a fired root left in the heap (<see cref="_topFired"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SettleTop()
    {
        if (!_topFired) return;
        _topFired = false;
        RemoveAt(0);
    }

    /// <summary>Adds an event; lower <paramref name="priority"/> fires first among equal times.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public EventHandle Enqueue(double time, int priority, Action<object?> action, object? state)
    {
        int slot = AcquireSlot();
        ref Callback callback = ref _callbacks[slot];
        callback.Action = action;
        callback.State = state;
        long sequence = _nextSequence++;
        // The ring stays sorted: every entry has the same time and priority 0, and sequences only rise.
        if (priority == 0 && time == (_fifoCount == 0 ? _now : _fifo[(_fifoHead + _fifoCount - 1) & (_fifo.Length - 1)].Time))
        {
            if (_fifoCount == _fifo.Length) GrowFifo();
            _fifo[(_fifoHead + _fifoCount++) & (_fifo.Length - 1)] =
                new FifoEntry { Time = time, Sequence = sequence, Slot = slot, Version = _versions[slot] };
            _fifoLive++;
            _positions[slot] = InFifo;
        }
        else
        {
            if (priority == 0 && _lastSequence == sequence - 1 && time == _lastTime && _versions[_lastSlot] == _lastVersion)
            {
                // The previous event, pending, with the same time and priority 0: the tail of its chain.
                _chainNext[_lastSlot] = slot + 1;
                _chainPrev[slot] = _lastSlot + 1;
                _chainSequence[slot] = sequence;
                _positions[slot] = InChain;
                _chained++;
            }
            else if (_topFired)
            {
                _topFired = false;
                _heap[0] = new Key { Time = time, Priority = priority, Sequence = sequence, Slot = slot };
                SiftDown(0);
            }
            else
            {
                if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
                _heap[_count] = new Key { Time = time, Priority = priority, Sequence = sequence, Slot = slot };
                SiftUp(_count++);
            }
            _lastSlot = slot;
            _lastVersion = _versions[slot];
            _lastSequence = priority == 0 ? sequence : long.MinValue;
            _lastTime = time;
        }
        return new EventHandle(slot, _versions[slot]);
    }

    /// <summary>Removes the earliest event and returns its time, callback and state.</summary>
    public double Dequeue(out Action<object?> action, out object? state)
    {
        if (!TryDequeue(double.PositiveInfinity, out double time, out action, out state))
            throw new InvalidOperationException("The event calendar is empty.");
        return time;
    }

    /// <summary>
    /// Removes the earliest event if there is one at or before <paramref name="untilTime"/>: one look at the heap and
    /// the ring for the simulation loop, instead of Count, PeekTime and Dequeue each looking again.
    /// </summary>
    /// <remarks>Inlined into the simulation loop (one call per event).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeue(double untilTime, out double time, out Action<object?> action, out object? state)
    {
        SettleTop();
        SkipTombstones();
        int slot;
        if (_fifoCount > 0 && (_count == 0 || FifoHeadFirst()))
        {
            ref FifoEntry head = ref _fifo[_fifoHead];
            time = head.Time;
            if (!(time <= untilTime)) return Nothing(out action, out state);
            slot = head.Slot;
            _fifoHead = (_fifoHead + 1) & (_fifo.Length - 1);
            _fifoCount--;
            _fifoLive--;
        }
        else if (_count > 0)
        {
            time = _heap[0].Time;
            if (!(time <= untilTime)) return Nothing(out action, out state);
            slot = _heap[0].Slot;
            if (_chainNext[slot] != 0) PromoteSuccessor(0, slot); // the next event of the heap, in the root's place
            else _topFired = true; // removed by the next enqueue's overwrite, or by the next reader (SettleTop)
        }
        else
        {
            time = double.PositiveInfinity;
            return Nothing(out action, out state);
        }
        ref Callback fired = ref _callbacks[slot];
        action = fired.Action;
        state = fired.State;
        ReleaseSlot(slot);
        _now = time;
        return true;
    }

    private static bool Nothing(out Action<object?> action, out object? state)
    {
        action = null!;
        state = null;
        return false;
    }

    /// <summary>Whether the ring's head comes before the heap's top by (time, priority, sequence); the head's priority is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool FifoHeadFirst()
    {
        ref FifoEntry head = ref _fifo[_fifoHead];
        ref Key top = ref _heap[0];
        if (head.Time != top.Time) return head.Time < top.Time;
        if (top.Priority != 0) return 0 < top.Priority;
        return head.Sequence < top.Sequence;
    }

    /// <summary>Drops cancelled entries from the ring's head, so the head is always a live event.</summary>
    /// <remarks>The check is inlined into every dequeue; the loop, for the rare cancelled entry, is not.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipTombstones()
    {
        if (_fifoCount > 0 && _versions[_fifo[_fifoHead].Slot] != _fifo[_fifoHead].Version) DropTombstones();
    }

    private void DropTombstones()
    {
        while (_fifoCount > 0 && _versions[_fifo[_fifoHead].Slot] != _fifo[_fifoHead].Version)
        {
            _fifoHead = (_fifoHead + 1) & (_fifo.Length - 1);
            _fifoCount--;
        }
    }

    private void GrowFifo()
    {
        var bigger = new FifoEntry[_fifo.Length * 2];
        for (int i = 0; i < _fifoCount; i++) bigger[i] = _fifo[(_fifoHead + i) & (_fifo.Length - 1)];
        _fifo = bigger;
        _fifoHead = 0;
    }

    /// <summary>Cancels a pending event; false if it already fired or was cancelled.</summary>
    public bool Cancel(EventHandle handle)
    {
        // Whether the handle names a pending event does not depend on the fired root (its slot is already free), so a stale
        // or empty handle returns before settling it: a request without a timeout cancels EventHandle.None when its result
        // is delivered, which settled the root (a removal and a sift down) once per request for nothing.
        int slot = handle.Slot;
        if (slot < 0 || slot >= _slotsUsed || _versions[slot] != handle.Version || _positions[slot] == Free) return false;
        SettleTop();
        int position = _positions[slot];
        if (position == InFifo) _fifoLive--; // its ring entry becomes a tombstone when the slot's version moves on
        else if (position == InChain) Unchain(slot);
        else if (_chainNext[slot] != 0) PromoteSuccessor(position, slot);
        else RemoveAt(position);
        ReleaseSlot(slot);
        return true;
    }

    /// <summary>
    /// The event chained behind <paramref name="slot"/>'s takes its key at heap position <paramref name="index"/> with its own
    /// sequence: the same time and priority, and no pending event between the two, so the heap needs no sift.
    /// </summary>
    private void PromoteSuccessor(int index, int slot)
    {
        int next = _chainNext[slot] - 1;
        _chainNext[slot] = 0;
        _chainPrev[next] = 0;
        ref Key key = ref _heap[index];
        key.Slot = next;
        key.Sequence = _chainSequence[next];
        _positions[next] = index;
        _chained--;
    }

    /// <summary>Takes a cancelled event out of the middle or the end of its chain.</summary>
    private void Unchain(int slot)
    {
        int prev = _chainPrev[slot];
        int next = _chainNext[slot];
        _chainNext[prev - 1] = next;
        if (next != 0) _chainPrev[next - 1] = prev;
        _chainNext[slot] = 0;
        _chainPrev[slot] = 0;
        _chained--;
    }

    /// <summary>True while the event named by <paramref name="handle"/> is still waiting to fire.</summary>
    public bool IsPending(EventHandle handle) =>
        handle.Slot >= 0 && handle.Slot < _slotsUsed && _versions[handle.Slot] == handle.Version && _positions[handle.Slot] != Free;

    private int AcquireSlot()
    {
        if (_freeCount > 0) return _freeSlots[--_freeCount];
        if (_slotsUsed == _callbacks.Length)
        {
            int size = _callbacks.Length * 2;
            Array.Resize(ref _callbacks, size);
            Array.Resize(ref _positions, size);
            Array.Resize(ref _versions, size);
            Array.Resize(ref _freeSlots, size);
            Array.Resize(ref _chainNext, size);
            Array.Resize(ref _chainPrev, size);
            Array.Resize(ref _chainSequence, size);
        }
        return _slotsUsed++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReleaseSlot(int slot)
    {
        _callbacks[slot] = default; // let the garbage collector have the job
        _positions[slot] = Free;
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

    // Inlined into SiftDown's loop (the Native AOT compiler left it a call per level).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
