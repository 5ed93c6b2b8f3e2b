using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>Exact event order on tiny hand-checked calendars: time, then priority, then insertion.</summary>
public class EventQueueTests
{
    private static List<string> Drain(EventQueue queue)
    {
        var log = new List<string>();
        while (queue.Count > 0)
        {
            double t = queue.Dequeue(out var action, out var state);
            action(state);
            log.Add($"{t}:{state}");
        }
        return log;
    }

    private static readonly Action<object?> Nothing = _ => { };

    [Test]
    public void Orders_by_time_then_priority_then_insertion()
    {
        var q = new EventQueue();
        q.Enqueue(2.0, 0, Nothing, "c");
        q.Enqueue(1.0, 0, Nothing, "a1");
        q.Enqueue(1.0, -1, Nothing, "urgent");
        q.Enqueue(1.0, 0, Nothing, "a2");
        q.Enqueue(0.5, 5, Nothing, "first");
        q.Enqueue(1.0, 0, Nothing, "a3");
        Assert.That(Drain(q), Is.EqualTo(new[] { "0.5:first", "1:urgent", "1:a1", "1:a2", "1:a3", "2:c" }));
    }

    [Test]
    public void Many_ties_keep_insertion_order_through_heap_reshuffles()
    {
        // 1,000 events at three equal times, inserted interleaved: each time's events must come out in
        // insertion order however the heap rearranges them.
        var q = new EventQueue();
        for (int i = 0; i < 1000; i++) q.Enqueue(i % 3, 0, Nothing, i);
        var order = new List<int>();
        while (q.Count > 0)
        {
            q.Dequeue(out _, out var state);
            order.Add((int)state!);
        }
        var expected = Enumerable.Range(0, 1000).OrderBy(i => i % 3).ThenBy(i => i).ToList();
        Assert.That(order, Is.EqualTo(expected));
    }

    [Test]
    public void Cancel_removes_exactly_the_named_event()
    {
        var q = new EventQueue();
        q.Enqueue(1, 0, Nothing, "a");
        var b = q.Enqueue(2, 0, Nothing, "b");
        q.Enqueue(3, 0, Nothing, "c");
        var d = q.Enqueue(0.5, 0, Nothing, "d");
        Assert.Multiple(() =>
        {
            Assert.That(q.Cancel(b), Is.True);
            Assert.That(q.Cancel(b), Is.False, "cancelling twice is a no-op");
            Assert.That(q.Cancel(d), Is.True, "cancelling the head works");
            Assert.That(q.Count, Is.EqualTo(2));
            Assert.That(Drain(q), Is.EqualTo(new[] { "1:a", "3:c" }));
        });
    }

    [Test]
    public void A_stale_handle_does_not_cancel_the_event_that_reuses_its_slot()
    {
        var q = new EventQueue();
        var old = q.Enqueue(1, 0, Nothing, "old");
        q.Dequeue(out _, out _);
        var fresh = q.Enqueue(2, 0, Nothing, "fresh"); // reuses the freed slot
        Assert.Multiple(() =>
        {
            Assert.That(fresh.Slot, Is.EqualTo(old.Slot));
            Assert.That(q.Cancel(old), Is.False);
            Assert.That(q.IsPending(fresh), Is.True);
            Assert.That(Drain(q), Is.EqualTo(new[] { "2:fresh" }));
        });
    }

    [Test]
    public void Random_inserts_and_cancels_match_a_sorted_reference()
    {
        var rng = new Random(7);
        var q = new EventQueue();
        var live = new List<(double Time, int Priority, int Id, EventHandle Handle)>();
        for (int i = 0; i < 5000; i++)
        {
            double t = Math.Round(rng.NextDouble() * 100, 1); // coarse times force many ties
            int p = rng.Next(3);
            live.Add((t, p, i, q.Enqueue(t, p, Nothing, i)));
            if (rng.NextDouble() < 0.3)
            {
                int victim = rng.Next(live.Count);
                Assert.That(q.Cancel(live[victim].Handle), Is.True);
                live.RemoveAt(victim);
            }
        }
        var expected = live.OrderBy(e => e.Time).ThenBy(e => e.Priority).ThenBy(e => e.Id).Select(e => e.Id).ToList();
        var actual = new List<int>();
        while (q.Count > 0)
        {
            q.Dequeue(out _, out var state);
            actual.Add((int)state!);
        }
        Assert.That(actual, Is.EqualTo(expected));
    }
    [Test]
    public void Events_at_the_current_instant_interleave_with_the_heap_in_key_order()
    {
        // Dequeues interleaved with inserts, many of them at the instant just dequeued (the ring of same-instant
        // events) with priorities 0 and others (the heap), and cancels of both: the order must be the sorted
        // (time, priority, insertion) order of what was live, exactly as with the heap alone.
        var rng = new Random(11);
        var calendar = new ReferenceCalendar();
        for (int step = 0; step < 20000; step++)
        {
            double u = rng.NextDouble();
            if (u < 0.45)
            {
                double t = rng.NextDouble() < 0.6 ? calendar.Now : calendar.Now + Math.Round(rng.NextDouble() * 3, 0);
                calendar.Add(t, rng.NextDouble() < 0.8 ? 0 : rng.Next(-1, 2));
            }
            else if (u < 0.55 && calendar.Enqueued > 0) calendar.Cancel(rng.Next(calendar.Enqueued), out _);
            else calendar.DequeueIfAny();
            calendar.CheckCount();
        }
        Assert.That(calendar.Fired, Is.EqualTo(calendar.Expected));
    }

    [Test]
    public void Bursts_at_one_later_time_fire_in_key_order_whatever_is_cancelled()
    {
        // Runs of priority-0 events at one later time, enqueued back to back (a proof starting on every verifier at once),
        // which wait chained behind the first's heap key; interleaved with single events at other times and priorities,
        // same-instant events, cancels of any chain member (head, middle, tail) and dequeues. The order must be the sorted
        // (time, priority, insertion) order of what was live, as with the heap alone.
        var rng = new Random(19);
        var calendar = new ReferenceCalendar();
        double Later() => calendar.Now + Math.Round(rng.NextDouble() * 4, 0) / 2;
        for (int step = 0; step < 20000; step++)
        {
            double u = rng.NextDouble();
            if (u < 0.2)
            {
                double t = Later();
                int p = rng.NextDouble() < 0.85 ? 0 : rng.Next(-1, 2);
                for (int i = rng.Next(1, 9); i > 0; i--) calendar.Add(t, p);
            }
            else if (u < 0.35) calendar.Add(rng.NextDouble() < 0.3 ? calendar.Now : Later(), rng.NextDouble() < 0.8 ? 0 : rng.Next(-1, 2));
            else if (u < 0.5 && calendar.Enqueued > 0)
            {
                calendar.Cancel(rng.Next(Math.Max(0, calendar.Enqueued - 20), calendar.Enqueued), out EventHandle h);
                Assert.That(calendar.IsPending(h), Is.False);
            }
            else calendar.DequeueIfAny();
            calendar.CheckCount();
        }
        Assert.That(calendar.Fired, Is.EqualTo(calendar.Expected));
    }

    [Test]
    public void A_cancelled_same_instant_event_is_not_pending_and_never_fires()
    {
        var q = new EventQueue();
        var a = q.Enqueue(0, 0, Nothing, "a");
        var b = q.Enqueue(0, 0, Nothing, "b");
        q.Enqueue(0, -1, Nothing, "urgent");
        Assert.Multiple(() =>
        {
            Assert.That(q.IsPending(a), Is.True);
            Assert.That(q.Cancel(a), Is.True);
            Assert.That(q.IsPending(a), Is.False);
            Assert.That(q.Cancel(a), Is.False);
            Assert.That(q.IsPending(b), Is.True);
            Assert.That(q.PeekTime, Is.EqualTo(0));
            Assert.That(Drain(q), Is.EqualTo(new[] { "0:urgent", "0:b" }));
        });
    }
}
