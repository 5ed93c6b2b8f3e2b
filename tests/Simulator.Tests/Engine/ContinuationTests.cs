using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>
/// <see cref="Simulation.TryContinueNow"/>: a zero-delay hand-off at the end of an event run in place must fire in exactly
/// the order the calendar would have fired it, with the same count of events.
/// </summary>
public class ContinuationTests
{
    /// <summary>
    /// Random event programs full of ties (integer times, priorities -1, 0 and 1, zero-delay children scheduled mid-event
    /// and at the end), run once with every hand-off on the calendar and once continuing in place where allowed: the
    /// firing order (event, time) and the events counted are the same.
    /// </summary>
    [Test]
    public void Continuing_in_place_fires_in_the_calendar_order([Range(1, 60)] int seed)
    {
        (List<(int Id, double Time)> order, long events, int continued) calendar = Program(seed, continuations: false);
        (List<(int Id, double Time)> order, long events, int continued) inPlace = Program(seed, continuations: true);
        Assert.Multiple(() =>
        {
            Assert.That(inPlace.order, Is.EqualTo(calendar.order));
            Assert.That(inPlace.events, Is.EqualTo(calendar.events));
            Assert.That(calendar.continued, Is.Zero);
        });
    }

    [Test]
    public void The_programs_continue_in_place_and_meet_ties_that_forbid_it()
    {
        int continued = 0, refused = 0;
        for (int seed = 1; seed <= 60; seed++)
        {
            var (order, _, c) = Program(seed, continuations: true);
            continued += c;
            refused += order.Count - c;
        }
        // Both kinds occur, or the comparison above proves little.
        Assert.That(continued, Is.GreaterThan(100));
        Assert.That(refused, Is.GreaterThan(100));
    }

    [Test]
    public void Only_inside_Run_and_never_after_Stop()
    {
        var sim = new Simulation();
        Assert.That(sim.TryContinueNow(), Is.False, "outside a run");
        var answers = new List<bool>();
        sim.Schedule(1, _ => answers.Add(sim.TryContinueNow()));
        sim.Schedule(2, _ =>
        {
            sim.Stop();
            answers.Add(sim.TryContinueNow());
        });
        sim.Run(10);
        sim.Schedule(1, _ => answers.Add(sim.TryContinueNow()));
        sim.RunUntil(() => false);
        Assert.That(answers, Is.EqualTo(new[] { true, false, false }), "in Run; after Stop; in RunUntil");
    }

    [Test]
    public void Not_while_an_event_is_due_before_it_at_this_instant()
    {
        var sim = new Simulation();
        var answers = new List<string>();
        // At t=1: A runs first (lowest sequence); B (priority 0, scheduled before) is still due, so A may not continue.
        sim.Schedule(1, _ => answers.Add($"A:{sim.TryContinueNow()}"));
        sim.Schedule(1, _ => answers.Add($"B:{sim.TryContinueNow()}"));
        // At t=2: C runs, D is due at t=2 with priority 1 (after any hand-off of priority 0): C may continue.
        sim.Schedule(2, _ => answers.Add($"C:{sim.TryContinueNow()}"));
        sim.Schedule(2, _ => answers.Add($"D:{sim.TryContinueNow()}"), priority: 1);
        // At t=3: E schedules a zero-delay event first; it is due before E's own hand-off.
        sim.Schedule(3, _ =>
        {
            sim.Schedule(0, _ => answers.Add($"F:{sim.TryContinueNow()}"));
            answers.Add($"E:{sim.TryContinueNow()}");
        });
        sim.Run(10);
        Assert.That(answers, Is.EqualTo(new[] { "A:False", "B:True", "C:True", "D:True", "E:False", "F:True" }));
        Assert.That(sim.EventsFired, Is.EqualTo(6 + 4), "each yes counts as an event fired");
    }

    // One random program: a few seed events; each fired event may schedule children (zero-delay, later integer times,
    // priorities -1..1) and may end with a zero-delay, priority-0 hand-off, continued in place when allowed.
    private static (List<(int Id, double Time)> Order, long Events, int Continued) Program(int seed, bool continuations)
    {
        var sim = new Simulation { ContinuationsEnabled = continuations };
        var rng = new Random(seed);
        var order = new List<(int, double)>();
        int nextId = 0, continued = 0;
        Action<object?>? fire = null;
        void Spawn(double delay, int priority) => sim.Schedule(delay, fire!, nextId++, priority);
        fire = state =>
        {
            order.Add(((int)state!, sim.Now));
            if (order.Count > 400) return;
            int children = rng.Next(3);
            for (int i = 0; i < children; i++) Spawn(rng.Next(3) == 0 ? 0 : rng.Next(1, 3), rng.Next(-1, 2));
            if (rng.Next(3) == 0) return;
            // The hand-off: the event's last step.
            int id = nextId++;
            if (sim.TryContinueNow())
            {
                continued++;
                fire!(id);
            }
            else sim.Schedule(0, fire!, id);
        };
        for (int i = 0; i < 6; i++) sim.ScheduleAt(rng.Next(3), fire, nextId++, rng.Next(-1, 2));
        sim.Run(1000);
        return (order, sim.EventsFired, continued);
    }
}
