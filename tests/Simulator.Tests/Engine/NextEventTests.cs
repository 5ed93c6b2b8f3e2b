using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>
/// A zero-delay event scheduled mid-event while nothing else of this instant is due is held as the next event
/// (<see cref="NextEvent"/>) instead of going onto the calendar: events must fire in exactly the calendar's order, with
/// the same count, and its handle must cancel and report as a calendar handle would.
/// </summary>
public class NextEventTests
{
    /// <summary>
    /// Random event programs full of ties (integer times, priorities -1, 0 and 1, zero-delay events scheduled anywhere in
    /// an event, cancellations of events held, on the calendar or already fired, stops and restarts), run once with every
    /// event on the calendar and once holding where allowed: same firing order, same answers, same events counted.
    /// </summary>
    [Test]
    public void Holding_fires_in_the_calendar_order([Range(1, 80)] int seed)
    {
        Trace calendar = Program(seed, holding: false);
        Trace held = Program(seed, holding: true);
        Assert.Multiple(() =>
        {
            Assert.That(held.Lines, Is.EqualTo(calendar.Lines));
            Assert.That(held.Events, Is.EqualTo(calendar.Events));
            Assert.That(calendar.Held, Is.Zero);
        });
    }

    [Test]
    public void The_programs_hold_events_and_cancel_held_ones()
    {
        int held = 0, cancelledHeld = 0, onCalendar = 0;
        for (int seed = 1; seed <= 80; seed++)
        {
            Trace t = Program(seed, holding: true);
            held += t.Held;
            cancelledHeld += t.CancelledHeld;
            onCalendar += t.Scheduled - t.Held;
        }
        // Every kind occurs, or the comparison above proves little.
        Assert.That(held, Is.GreaterThan(100));
        Assert.That(cancelledHeld, Is.GreaterThan(10));
        Assert.That(onCalendar, Is.GreaterThan(100));
    }

    [Test]
    public void A_held_event_fires_next_and_counts_as_fired()
    {
        var sim = new Simulation();
        var order = new List<string>();
        EventHandle held = default;
        sim.Schedule(1, _ =>
        {
            held = sim.Schedule(0, _ => order.Add("held"));
            order.Add($"pending:{sim.IsPending(held)} count:{sim.PendingEvents}");
            sim.Schedule(1, _ => order.Add("later"));
        });
        sim.Run(10);
        Assert.Multiple(() =>
        {
            Assert.That(held.Slot, Is.EqualTo(NextEvent.Slot), "held, not on the calendar");
            Assert.That(order, Is.EqualTo(new[] { "pending:True count:1", "held", "later" }));
            Assert.That(sim.EventsFired, Is.EqualTo(3));
            Assert.That(sim.IsPending(held), Is.False);
            Assert.That(sim.Cancel(held), Is.False, "fired");
        });
    }

    [Test]
    public void An_event_due_before_a_held_one_puts_it_on_the_calendar_where_it_can_still_be_cancelled()
    {
        var sim = new Simulation();
        var order = new List<string>();
        sim.Schedule(1, _ =>
        {
            EventHandle a = sim.Schedule(0, _ => order.Add("a"));
            sim.Schedule(0, _ => order.Add("urgent"), priority: -1); // due before a: a goes onto the calendar
            EventHandle b = sim.Schedule(0, _ => order.Add("b"));
            order.Add($"a pending:{sim.IsPending(a)}");
            order.Add($"cancel a:{sim.Cancel(a)} again:{sim.Cancel(a)} pending:{sim.IsPending(a)}");
            order.Add($"b on the calendar:{b.Slot != NextEvent.Slot}");
        });
        sim.Run(10);
        Assert.That(order, Is.EqualTo(new[] { "a pending:True", "cancel a:True again:False pending:False", "b on the calendar:True", "urgent", "b" }));
        Assert.That(sim.EventsFired, Is.EqualTo(3));
    }

    [Test]
    public void A_run_stopped_with_an_event_held_leaves_it_on_the_calendar()
    {
        var sim = new Simulation();
        var order = new List<string>();
        EventHandle held = default;
        sim.Schedule(1, _ =>
        {
            held = sim.Schedule(0, _ => order.Add("held"));
            sim.Stop();
        });
        sim.Run(10);
        Assert.Multiple(() =>
        {
            Assert.That(order, Is.Empty);
            Assert.That(sim.PendingEvents, Is.EqualTo(1));
            Assert.That(sim.IsPending(held), Is.True);
            Assert.That(sim.Now, Is.EqualTo(1));
        });
        sim.Run(10);
        Assert.That(order, Is.EqualTo(new[] { "held" }));
        Assert.That(sim.EventsFired, Is.EqualTo(2));
    }

    private sealed class Trace
    {
        public List<string> Lines { get; } = [];
        public long Events;
        public int Held, CancelledHeld, Scheduled;
    }

    // One random program: a few seed events; each fired event may schedule children (zero-delay or later, priorities -1..1)
    // before and after cancelling or asking about an earlier event; runs stop at random and go on.
    private static Trace Program(int seed, bool holding)
    {
        var sim = new Simulation { ContinuationsEnabled = holding };
        var rng = new Random(seed);
        var trace = new Trace();
        var handles = new List<EventHandle>();
        int nextId = 0;
        Action<object?>? fire = null;
        void Spawn(double delay, int priority)
        {
            EventHandle h = sim.Schedule(delay, fire!, nextId++, priority);
            handles.Add(h);
            trace.Scheduled++;
            if (h.Slot == NextEvent.Slot) trace.Held++;
        }
        void Query()
        {
            if (handles.Count == 0) return;
            // Recent handles mostly: those are the held ones.
            int i = Math.Max(0, handles.Count - 1 - rng.Next(Math.Min(handles.Count, 4)));
            EventHandle h = handles[i];
            if (rng.Next(2) == 0) trace.Lines.Add($"pending {i}:{sim.IsPending(h)}");
            else
            {
                bool cancelled = sim.Cancel(h);
                if (cancelled && h.Slot == NextEvent.Slot) trace.CancelledHeld++;
                trace.Lines.Add($"cancel {i}:{cancelled}");
            }
        }
        fire = state =>
        {
            trace.Lines.Add($"fire {(int)state!} at {sim.Now} pending {sim.PendingEvents}");
            if (trace.Lines.Count > 600) return;
            int steps = rng.Next(5);
            for (int i = 0; i < steps; i++)
            {
                switch (rng.Next(4))
                {
                    case 0: Query(); break;
                    case 1: Spawn(rng.Next(1, 3), rng.Next(-1, 2)); break;
                    default: Spawn(0, rng.Next(4) == 0 ? rng.Next(-1, 2) : 0); break;
                }
            }
            if (rng.Next(25) == 0) sim.Stop();
        };
        for (int i = 0; i < 6; i++) sim.ScheduleAt(rng.Next(3), fire, nextId++, rng.Next(-1, 2));
        for (int round = 0; round < 50 && sim.PendingEvents > 0; round++) sim.Run(1000);
        trace.Events = sim.EventsFired;
        return trace;
    }
}
