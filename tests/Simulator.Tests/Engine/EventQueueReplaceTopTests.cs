using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>
/// The calendar leaves a fired root in its heap for the next enqueue to overwrite: enqueues, dequeues, cancellations and
/// reads in any interleaving must give exactly the order of a sorted reference (time, priority, insertion), the same
/// counts, peeks and pending answers.
/// </summary>
public class EventQueueReplaceTopTests
{
    private static readonly Action<object?> Nothing = _ => { };

    [Test]
    public void Interleaved_operations_match_a_sorted_reference([Range(1, 40)] int seed)
    {
        var rng = new Random(seed);
        var q = new EventQueue();
        var live = new List<(double Time, int Priority, long Id, EventHandle Handle)>();
        var gone = new List<EventHandle>();
        double now = 0;
        long id = 0;
        for (int step = 0; step < 4000; step++)
        {
            switch (rng.Next(10))
            {
                case < 4:
                    // At this instant (ties with the fired root and the ring) or a little later, any priority.
                    double t = now + (rng.Next(3) == 0 ? 0 : rng.Next(1, 4));
                    int p = rng.Next(-1, 2);
                    live.Add((t, p, id, q.Enqueue(t, p, Nothing, id)));
                    id++;
                    break;
                case < 7:
                    if (live.Count == 0) break;
                    var next = live.OrderBy(e => e.Time).ThenBy(e => e.Priority).ThenBy(e => e.Id).First();
                    now = q.Dequeue(out _, out object? state);
                    Assert.That(((long)state!, now), Is.EqualTo((next.Id, next.Time)));
                    live.Remove(next);
                    gone.Add(next.Handle);
                    break;
                case 7:
                    if (live.Count == 0) break;
                    int victim = rng.Next(live.Count);
                    Assert.That(q.Cancel(live[victim].Handle), Is.True);
                    gone.Add(live[victim].Handle);
                    live.RemoveAt(victim);
                    break;
                case 8:
                    if (gone.Count > 0) Assert.That(q.Cancel(gone[rng.Next(gone.Count)]), Is.False, "fired or cancelled");
                    break;
                default:
                    double expected = live.Count == 0 ? double.PositiveInfinity : live.Min(e => e.Time);
                    Assert.That(q.PeekTime, Is.EqualTo(expected));
                    Assert.That(q.NothingDueBefore(now), Is.EqualTo(!live.Any(e => e.Time == now && e.Priority <= 0)));
                    break;
            }
            Assert.That(q.Count, Is.EqualTo(live.Count));
            foreach (var e in live.Take(3)) Assert.That(q.IsPending(e.Handle), Is.True);
        }
    }
}
