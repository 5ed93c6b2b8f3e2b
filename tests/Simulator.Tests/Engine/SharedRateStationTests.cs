using HacaSim.Engine;
using HacaSim.Randomness;
using Exponential = MathNet.Numerics.Distributions.Exponential;

namespace HacaSim.Tests.Engine;

/// <summary>
/// The shared-rate station from outside: exact traces when the rate changes mid-service, a closed batch
/// against work x (1 + s (n - 1)), the resource bound, and M/M/c (Erlang C) when the rate does not depend
/// on the batch (slowdown 0).
/// </summary>
public class SharedRateStationTests
{
    private sealed class Job(string name, double work, double demand = 0)
    {
        public string Name { get; } = name;
        public double Work { get; } = work;
        public double Demand { get; } = demand;
    }

    private sealed class Recorder(Simulation sim, Func<int> busy) : ISharedRateClient<Job>
    {
        public List<string> Log { get; } = [];
        public Dictionary<string, double> Ends { get; } = [];
        public int MaxBusy { get; private set; }
        public double Work(Job job) => job.Work;
        public double Demand(Job job) => job.Demand;

        public void OnServiceStart(Job job, double waitSeconds)
        {
            MaxBusy = Math.Max(MaxBusy, busy());
            Log.Add($"start {job.Name}@{sim.Now:0.###} waited {waitSeconds:0.###}");
        }

        public void OnDeparture(Job job, double serviceSeconds)
        {
            Ends[job.Name] = sim.Now;
            Log.Add($"end {job.Name}@{sim.Now:0.###} served {serviceSeconds:0.###}");
        }
    }

    private static Func<int, double> Linear(double slowdown) => n => 1 / (1 + slowdown * (n - 1));

    private static (Simulation Sim, SharedRateStation<Job> Station, Recorder Recorder) Build(int maxInService, double slowdown,
        double resource = double.PositiveInfinity, int capacity = int.MaxValue)
    {
        var sim = new Simulation();
        SharedRateStation<Job>? station = null;
        var recorder = new Recorder(sim, () => station!.Busy);
        station = new SharedRateStation<Job>(sim, "gpu", maxInService, Linear(slowdown), resource, new FifoDiscipline<Job>(), recorder, capacity);
        return (sim, station, recorder);
    }

    [Test]
    public void A_second_job_slows_the_first_and_the_survivor_speeds_up_again()
    {
        // s = 1: two in service run at half speed. a (work 1) alone until 0.5, then with b: a's remaining 0.5
        // takes 1 s (ends at 1.5); b has then done 0.5 and runs its last 0.5 alone (ends at 2).
        var (sim, station, rec) = Build(4, slowdown: 1);
        sim.ScheduleAt(0, _ => station.Arrive(new Job("a", 1)));
        sim.ScheduleAt(0.5, _ => station.Arrive(new Job("b", 1)));
        sim.Run(10);
        Assert.That(rec.Log, Is.EqualTo(new[] { "start a@0 waited 0", "start b@0.5 waited 0", "end a@1.5 served 1.5", "end b@2 served 1.5" }));
        Assert.That(rec.Ends["a"], Is.EqualTo(1.5).Within(1e-12));
        Assert.That(rec.Ends["b"], Is.EqualTo(2.0).Within(1e-12));
        // Busy area: 1 on [0,0.5) + 2 on [0.5,1.5) + 1 on [1.5,2) = 3 over 10 s.
        Assert.That(station.Statistics.Busy.Mean(sim.Now), Is.EqualTo(0.3).Within(1e-12));
    }

    [TestCase(1, 0.0303)]
    [TestCase(8, 0.0303)]
    [TestCase(64, 0.0647)]
    [TestCase(256, 0.0081)]
    public void A_closed_batch_of_identical_jobs_ends_together_at_work_times_one_plus_s_n_minus_1(int n, double slowdown)
    {
        const double work = 1.7;
        var (sim, station, rec) = Build(n, slowdown);
        for (int i = 0; i < n; i++)
        {
            string name = $"j{i}";
            sim.ScheduleAt(0, _ => station.Arrive(new Job(name, work)));
        }
        sim.Run(1000);
        double expected = work * (1 + slowdown * (n - 1));
        Assert.That(rec.Ends.Values, Has.All.EqualTo(expected).Within(1e-9 * expected));
        Assert.That(rec.Ends, Has.Count.EqualTo(n));
    }

    [Test]
    public void A_resource_bound_of_k_jobs_limits_concurrency_to_k_even_with_free_batch_slots()
    {
        // 8 batch slots, but the resource holds 3 jobs' demand: 10 jobs run 3 at a time, in 4 rounds.
        var (sim, station, rec) = Build(8, slowdown: 0, resource: 30);
        for (int i = 0; i < 10; i++)
        {
            string name = $"j{i}";
            sim.ScheduleAt(0, _ => station.Arrive(new Job(name, 1, demand: 10)));
        }
        sim.Run(100);
        Assert.That(rec.MaxBusy, Is.EqualTo(3));
        Assert.That(rec.Ends["j2"], Is.EqualTo(1).Within(1e-12));
        Assert.That(rec.Ends["j5"], Is.EqualTo(2).Within(1e-12));
        Assert.That(rec.Ends["j9"], Is.EqualTo(4).Within(1e-12));
        Assert.That(station.ResourceInUse, Is.EqualTo(0));
    }

    [Test]
    public void A_blocked_head_keeps_its_place_and_small_jobs_behind_it_wait()
    {
        // big needs the whole resource, so it waits for a; small would fit beside a but must not overtake big.
        var (sim, station, rec) = Build(8, slowdown: 0, resource: 10);
        sim.ScheduleAt(0, _ => station.Arrive(new Job("a", 1, 4)));
        sim.ScheduleAt(0.1, _ => station.Arrive(new Job("big", 1, 10)));
        sim.ScheduleAt(0.2, _ => station.Arrive(new Job("small", 1, 1)));
        sim.Run(10);
        Assert.That(rec.Log, Is.EqualTo(new[]
        {
            "start a@0 waited 0", "start big@1 waited 0.9", "end a@1 served 1", "start small@2 waited 1.8", "end big@2 served 1", "end small@3 served 1",
        }));
        Assert.That(station.Waiting, Is.EqualTo(0));
    }

    [Test]
    public void A_job_larger_than_the_whole_resource_and_arrivals_beyond_capacity_are_rejected()
    {
        var (sim, station, _) = Build(1, slowdown: 0, resource: 10, capacity: 2);
        var accepted = new List<bool>();
        sim.ScheduleAt(0, _ => accepted.Add(station.Arrive(new Job("too-big", 1, 11))));
        foreach (string n in new[] { "a", "b", "c" }) sim.ScheduleAt(0, _ => accepted.Add(station.Arrive(new Job(n, 1, 1))));
        sim.Run(10);
        Assert.That(accepted, Is.EqualTo(new[] { false, true, true, false }));
        Assert.That(station.Statistics.Rejections, Is.EqualTo(2));
    }

    [Test]
    public void With_slowdown_0_it_is_the_MMc_station_and_matches_Erlang_C()
    {
        // Same harness style as QueueingTheoryTests: Poisson arrivals, exponential work, c = 4, rho = 0.8.
        const int c = 4;
        double mu = 1, lambda = 0.8 * c * mu;
        var wq = new List<double>();
        var lq = new List<double>();
        var utilisation = new List<double>();
        var root = new RandomStreams(7);
        for (int r = 0; r < 10; r++)
        {
            RandomStreams streams = root.ForReplication(r);
            var sim = new Simulation();
            var client = new ExponentialWork(Distributions.Exponential(1 / mu, streams.Stream("service")));
            var station = new SharedRateStation<object>(sim, "gpu", c, Linear(0), double.PositiveInfinity, new FifoDiscipline<object>(), client);
            var gaps = new Exponential(lambda, streams.Stream("arrivals"));
            Action<object?>? arrive = null;
            arrive = _ =>
            {
                station.Arrive(new object());
                sim.Schedule(gaps.Sample(), arrive!);
            };
            sim.Schedule(gaps.Sample(), arrive);
            sim.ScheduleWarmup(2_000);
            sim.Run(50_000);
            wq.Add(station.Statistics.Wait.Mean);
            lq.Add(station.Statistics.Waiting.Mean(sim.Now));
            utilisation.Add(station.Statistics.Busy.Mean(sim.Now) / c);
        }
        double exactWq = QueueingFormulas.MmcWq(lambda, mu, c);
        TheoryAssert.Agrees("Wq (Erlang C)", exactWq, wq, 0.08);
        TheoryAssert.Agrees("Lq", lambda * exactWq, lq, 0.08);
        TheoryAssert.Agrees("utilisation", 0.8, utilisation, 0.01);
    }

    private sealed class ExponentialWork(IDistribution work) : ISharedRateClient<object>
    {
        public double Work(object job) => work.Sample();
        public double Demand(object job) => 0;
        public void OnServiceStart(object job, double waitSeconds) { }
        public void OnDeparture(object job, double serviceSeconds) { }
    }
}
