using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>Hand-checked traces of a station with fixed service times.</summary>
public class StationTests
{
    private sealed class Job(string name, double service, double key = 0)
    {
        public string Name { get; } = name;
        public double ServiceSeconds { get; } = service;
        public double Key { get; } = key;
    }

    private sealed class Recorder(Simulation sim) : StationClient<Job>
    {
        public List<string> Log { get; } = [];
        public override double ServiceTime(Job job) => job.ServiceSeconds;
        public override void OnServiceStart(Job job, double waitSeconds, double serviceSeconds) => Log.Add($"start {job.Name}@{sim.Now} waited {waitSeconds}");
        public override void OnDeparture(Job job) => Log.Add($"end {job.Name}@{sim.Now}");
    }

    [Test]
    public void Two_servers_fifo_trace()
    {
        var sim = new Simulation();
        var rec = new Recorder(sim);
        var station = new Station<Job>(sim, "s", 2, new FifoDiscipline<Job>(), rec);
        sim.ScheduleAt(0, _ => station.Arrive(new Job("a", 3)));
        sim.ScheduleAt(1, _ => station.Arrive(new Job("b", 1)));
        sim.ScheduleAt(1.5, _ => station.Arrive(new Job("c", 2)));
        sim.ScheduleAt(1.5, _ => station.Arrive(new Job("d", 1)));
        sim.Run(10);
        Assert.That(rec.Log, Is.EqualTo(new[]
        {
            // The next job starts before the departure is reported (see Station.Complete).
            "start a@0 waited 0", "start b@1 waited 0", "start c@2 waited 0.5", "end b@2",
            "start d@3 waited 1.5", "end a@3", "end c@4", "end d@4",
        }));
        // Waiting: c on [1.5,2), d on [1.5,3) -> area 0.5 + 1.5 = 2 over 10 s.
        Assert.That(station.Statistics.Waiting.Mean(sim.Now), Is.EqualTo(0.2).Within(1e-12));
        // Busy area: a 3 + b 1 + c 2 + d 1 = 7 over 10 s.
        Assert.That(station.Statistics.Busy.Mean(sim.Now), Is.EqualTo(0.7).Within(1e-12));
    }

    [Test]
    public void Capacity_rejects_arrivals_that_find_the_station_full()
    {
        var sim = new Simulation();
        var rec = new Recorder(sim);
        var station = new Station<Job>(sim, "s", 1, new FifoDiscipline<Job>(), rec, capacity: 2);
        var accepted = new List<bool>();
        foreach (string n in new[] { "a", "b", "c" }) sim.ScheduleAt(0, _ => accepted.Add(station.Arrive(new Job(n, 1))));
        sim.Run(10);
        Assert.That(accepted, Is.EqualTo(new[] { true, true, false }));
        Assert.That(station.Statistics.Rejections, Is.EqualTo(1));
    }

    [Test]
    public void Keyed_discipline_serves_the_smallest_key_first_and_ties_in_arrival_order()
    {
        var sim = new Simulation();
        var rec = new Recorder(sim);
        var station = new Station<Job>(sim, "s", 1, new KeyedDiscipline<Job>(j => j.Key), rec);
        sim.ScheduleAt(0, _ =>
        {
            station.Arrive(new Job("busy", 1, 0));
            station.Arrive(new Job("late", 1, 30));
            station.Arrive(new Job("early", 1, 10));
            station.Arrive(new Job("early2", 1, 10));
        });
        sim.Run(10);
        Assert.That(rec.Log.Where(l => l.StartsWith("start")), Is.EqualTo(new[]
        {
            "start busy@0 waited 0", "start early@1 waited 1", "start early2@2 waited 2", "start late@3 waited 3",
        }));
    }

    [Test]
    public void Going_down_interrupts_service_cancels_completions_and_returns_every_job()
    {
        var sim = new Simulation();
        var rec = new Recorder(sim);
        var station = new Station<Job>(sim, "s", 2, new FifoDiscipline<Job>(), rec);
        List<InterruptedJob<Job>>? returned = null;
        sim.ScheduleAt(0, _ =>
        {
            foreach (var (n, s) in new[] { ("a", 10.0), ("b", 4.0), ("c", 1.0) }) station.Arrive(new Job(n, s));
        });
        sim.ScheduleAt(3, _ => returned = station.GoDown());
        sim.ScheduleAt(5, _ => Assert.That(station.Arrive(new Job("refused", 1)), Is.False, "a down station refuses"));
        sim.ScheduleAt(6, _ =>
        {
            station.ComeUp();
            station.Arrive(new Job("d", 1));
        });
        sim.Run(20);
        Assert.Multiple(() =>
        {
            Assert.That(returned!.Select(j => (j.Job.Name, j.WasInService, j.ServedSeconds)),
                Is.EqualTo(new[] { ("a", true, 3.0), ("b", true, 3.0), ("c", false, 0.0) }));
            Assert.That(rec.Log, Is.EqualTo(new[] { "start a@0 waited 0", "start b@0 waited 0", "start d@6 waited 0", "end d@7" }), "no completion of a or b fires");
            Assert.That(station.Busy, Is.EqualTo(0));
            Assert.That(station.Statistics.Rejections, Is.EqualTo(1));
            // Busy: 2 servers on [0,3), 1 on [6,7) -> 7 over 20 s.
            Assert.That(station.Statistics.Busy.Mean(sim.Now), Is.EqualTo(7.0 / 20).Within(1e-12));
        });
    }
}
