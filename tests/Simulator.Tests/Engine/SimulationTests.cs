using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

public class SimulationTests
{
    [Test]
    public void Events_scheduled_from_events_see_the_clock_and_fire_in_order()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.Schedule(1, _ =>
        {
            log.Add($"A@{sim.Now}");
            sim.Schedule(0, _ => log.Add($"A-child@{sim.Now}")); // same time: after events already queued at t=1
            sim.Schedule(0.5, _ => log.Add($"A-later@{sim.Now}"));
        });
        sim.Schedule(1, _ => log.Add($"B@{sim.Now}"));
        sim.Run(10);
        Assert.That(log, Is.EqualTo(new[] { "A@1", "B@1", "A-child@1", "A-later@1.5" }));
        Assert.That(sim.Now, Is.EqualTo(10));
    }

    [Test]
    public void Run_stops_at_the_horizon_and_leaves_later_events_pending()
    {
        var sim = new Simulation();
        int fired = 0;
        sim.Schedule(5, _ => fired++);
        sim.Schedule(5.0000001, _ => fired++);
        sim.Run(5);
        Assert.Multiple(() =>
        {
            Assert.That(fired, Is.EqualTo(1), "an event exactly at the horizon fires");
            Assert.That(sim.PendingEvents, Is.EqualTo(1));
            Assert.That(sim.Now, Is.EqualTo(5));
        });
    }

    [Test]
    public void A_cancelled_timeout_never_fires()
    {
        var sim = new Simulation();
        var log = new List<string>();
        EventHandle timeout = sim.Schedule(3, _ => log.Add("timeout"));
        sim.Schedule(2, _ =>
        {
            log.Add("done");
            Assert.That(sim.Cancel(timeout), Is.True);
        });
        sim.Run(10);
        Assert.That(log, Is.EqualTo(new[] { "done" }));
        Assert.That(sim.EventsFired, Is.EqualTo(1));
    }

    [Test]
    public void RunUntil_stops_when_the_condition_holds()
    {
        var sim = new Simulation();
        int count = 0;
        Action<object?>? tick = null;
        tick = _ => { count++; sim.Schedule(1, tick!); };
        sim.Schedule(1, tick);
        bool met = sim.RunUntil(() => count == 7);
        Assert.Multiple(() =>
        {
            Assert.That(met, Is.True);
            Assert.That(sim.Now, Is.EqualTo(7));
        });
    }

    [Test]
    public void Stop_ends_the_run_after_the_current_event()
    {
        var sim = new Simulation();
        int count = 0;
        sim.Schedule(1, _ => { count++; sim.Stop(); });
        sim.Schedule(1, _ => count++);
        sim.Run(100);
        Assert.That(count, Is.EqualTo(1));
        Assert.That(sim.Now, Is.EqualTo(1));
    }

    [Test]
    public void Warmup_reset_fires_before_other_events_at_the_same_time()
    {
        var sim = new Simulation();
        var log = new List<string>();
        sim.StatisticsReset += t => log.Add($"reset@{t}");
        sim.Schedule(5, _ => log.Add("event@5"));
        sim.ScheduleWarmup(5);
        sim.Run(10);
        Assert.That(log, Is.EqualTo(new[] { "reset@5", "event@5" }));
    }

    [Test]
    public void Scheduling_in_the_past_or_with_a_bad_delay_is_refused()
    {
        var sim = new Simulation();
        sim.Run(3);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(2, _ => { }));
            Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(-1, _ => { }));
            Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(double.NaN, _ => { }));
        });
    }
}
