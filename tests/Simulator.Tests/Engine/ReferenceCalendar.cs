using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>
/// An <see cref="EventQueue"/> driven side by side with the order it must keep: a sorted set of the live events by
/// (time, priority, insertion). Each dequeue is checked against the reference's first event, and every step against its
/// count, so a randomized program of enqueues, cancels and dequeues proves the queue fires exactly what the heap alone would.
/// </summary>
internal sealed class ReferenceCalendar
{
    private static readonly Action<object?> Nothing = _ => { };

    private readonly EventQueue _queue = new();
    private readonly SortedDictionary<(double Time, int Priority, int Id), EventHandle> _live = new();
    private readonly List<(double Time, int Priority, int Id)> _enqueued = [];
    private int _next;

    /// <summary>Time of the last dequeued event (0 before any).</summary>
    public double Now { get; private set; }

    /// <summary>Events enqueued so far, cancelled or fired ones included.</summary>
    public int Enqueued => _enqueued.Count;

    /// <summary>Ids of the fired events, in the order the queue fired them; and in the order the reference says.</summary>
    public List<int> Fired { get; } = [];
    public List<int> Expected { get; } = [];

    public void Add(double time, int priority)
    {
        var key = (time, priority, _next);
        _live[key] = _queue.Enqueue(time, priority, Nothing, _next);
        _enqueued.Add(key);
        _next++;
    }

    /// <summary>Cancels the <paramref name="index"/>-th event enqueued; true when it was still live.</summary>
    public bool Cancel(int index, out EventHandle handle)
    {
        bool wasLive = _live.Remove(_enqueued[index], out handle);
        bool cancelled = _queue.Cancel(handle);
        Assert.That(cancelled, Is.EqualTo(wasLive), "Cancel says whether the event was still waiting");
        return wasLive;
    }

    /// <summary>Fires the queue's next event, if any, and checks it is the reference's first.</summary>
    public void DequeueIfAny()
    {
        if (_queue.Count == 0) return;
        var first = _live.First();
        _live.Remove(first.Key);
        Expected.Add(first.Key.Id);
        Assert.That(_queue.PeekTime, Is.EqualTo(first.Key.Time));
        Now = _queue.Dequeue(out _, out var state);
        Fired.Add((int)state!);
        Assert.That(Now, Is.EqualTo(first.Key.Time));
    }

    public bool IsPending(EventHandle handle) => _queue.IsPending(handle);

    /// <summary>After every step: the queue holds exactly the live events.</summary>
    public void CheckCount() => Assert.That(_queue.Count, Is.EqualTo(_live.Count));
}
