using HacaSim.Engine;
using HacaSim.Randomness;
using Exponential = MathNet.Numerics.Distributions.Exponential;

namespace HacaSim.Tests.Engine;

/// <summary>
/// The two-class sharing station against exact results for priority and processor-sharing queues
/// (Kleinrock vol. 2, ch. 3 and 4; Harchol-Balter, "Performance Modeling and Design of Computer
/// Systems", ch. 22 and 32), within 99% replication intervals that must also be tight enough to have power.
/// </summary>
public class SharingStationTests
{
    private static readonly SharingRules OneServerFifo = new(AdmissionOrder.Fifo, false, 1, 1, 1, 1);
    private static readonly SharingRules OneServerPriority = new(AdmissionOrder.PrimaryFirst, false, 1, 1, 1, 1);
    private static readonly SharingRules OneServerPreemptive = new(AdmissionOrder.PrimaryFirst, true, 1, 1, 1, 1);
    private static readonly SharingRules ProcessorSharing = new(AdmissionOrder.Independent, false, 1, int.MaxValue, int.MaxValue, int.MaxValue);

    private static (double, double) Independent(int n0, int n1) => (1, 1);

    private static (double, double) EqualShare(int n0, int n1) => (1.0 / (n0 + n1), 1.0 / (n0 + n1));

    [Test]
    public void Preemptive_resume_priority_gives_the_primary_class_its_MM1_response_whatever_the_secondary_load()
    {
        // Primary: exponential, lambda 0.5, mu 1; secondary: exponential mean 2 at rate 0.2 (load 0.4, total 0.9).
        // Under preemptive-resume the primary class never sees the secondary one: T = 1 / (mu - lambda) = 2.
        var runs = new TwoClassExperiment
        {
            Rules = OneServerPreemptive, Rates = Independent,
            PrimaryRate = 0.5, PrimaryService = rng => Distributions.Exponential(1, rng),
            SecondaryRate = 0.2, SecondaryService = rng => Distributions.Exponential(2, rng),
        }.Run();
        TheoryAssert.Agrees("primary response (M/M/1 alone)", 1 / (1 - 0.5), runs.Select(r => r.PrimarySojourn));
        Assert.That(runs.Sum(r => r.Preemptions), Is.GreaterThan(0));
    }

    [Test]
    public void Preemptive_priority_with_a_heavier_secondary_load_still_gives_the_primary_class_its_MM1_response()
    {
        var runs = new TwoClassExperiment
        {
            Rules = OneServerPreemptive, Rates = Independent,
            PrimaryRate = 0.5, PrimaryService = rng => Distributions.Exponential(1, rng),
            SecondaryRate = 0.04, SecondaryService = rng => Distributions.Exponential(10, rng),
        }.Run();
        TheoryAssert.Agrees("primary response (M/M/1 alone)", 2, runs.Select(r => r.PrimarySojourn));
    }

    [Test]
    public void Non_preemptive_priority_MG1_waits_match_Cobham()
    {
        // Primary: deterministic 1 at rate 0.3; secondary: gamma mean 2, CV 2 at rate 0.2. Total load 0.7.
        double l1 = 0.3, s1 = 1, m1 = s1 * s1;
        double l2 = 0.2, s2 = 2, cv = 2, m2 = s2 * s2 * (1 + cv * cv);
        var runs = new TwoClassExperiment
        {
            Rules = OneServerPriority, Rates = Independent, RunSeconds = 100_000, Replications = 12,
            PrimaryRate = l1, PrimaryService = _ => Distributions.Deterministic(s1),
            SecondaryRate = l2, SecondaryService = rng => Distributions.GammaFromMeanCv(s2, cv, rng),
        }.Run();
        double w0 = (l1 * m1 + l2 * m2) / 2, rho1 = l1 * s1, rho = rho1 + l2 * s2;
        TheoryAssert.Agrees("primary Wq (Cobham)", w0 / (1 - rho1), runs.Select(r => r.PrimaryWait), 0.08);
        TheoryAssert.Agrees("secondary Wq (Cobham)", w0 / ((1 - rho1) * (1 - rho)), runs.Select(r => r.SecondaryWait), 0.08);
    }

    [Test]
    public void Fifo_sharing_of_two_classes_is_one_MG1_queue()
    {
        // Both classes in one line: the wait is Pollaczek-Khinchine for the mixed service distribution.
        double l1 = 0.3, l2 = 0.2, s2 = 2, cv = 2;
        var runs = new TwoClassExperiment
        {
            Rules = OneServerFifo, Rates = Independent, RunSeconds = 100_000, Replications = 12,
            PrimaryRate = l1, PrimaryService = _ => Distributions.Deterministic(1),
            SecondaryRate = l2, SecondaryService = rng => Distributions.GammaFromMeanCv(s2, cv, rng),
        }.Run();
        double w = (l1 * 1 + l2 * s2 * s2 * (1 + cv * cv)) / 2 / (1 - (l1 + l2 * s2));
        TheoryAssert.Agrees("primary Wq (P-K)", w, runs.Select(r => r.PrimaryWait), 0.08);
        TheoryAssert.Agrees("secondary Wq (P-K)", w, runs.Select(r => r.SecondaryWait), 0.08);
    }

    [TestCase(1.0)]
    [TestCase(2.0)]
    public void Processor_sharing_MG1_response_is_ES_over_one_minus_rho_whatever_the_service_CV(double cv)
    {
        // M/G/1-PS is insensitive: T = E[S] / (1 - rho) for exponential (CV 1) and gamma CV 2 alike,
        // where FIFO with CV 2 would wait 2.5x longer. Half the jobs of each class, to share across classes too.
        double lambda = 0.7, mean = 1;
        var runs = new TwoClassExperiment
        {
            Rules = ProcessorSharing, Rates = EqualShare, RunSeconds = 100_000, Replications = 12,
            PrimaryRate = lambda / 2, PrimaryService = rng => Distributions.GammaFromMeanCv(mean, cv, rng),
            SecondaryRate = lambda / 2, SecondaryService = rng => Distributions.GammaFromMeanCv(mean, cv, rng),
        }.Run();
        double t = mean / (1 - lambda * mean);
        TheoryAssert.Agrees($"primary response (M/G/1-PS, CV {cv})", t, runs.Select(r => r.PrimarySojourn), 0.08);
        TheoryAssert.Agrees($"secondary response (M/G/1-PS, CV {cv})", t, runs.Select(r => r.SecondarySojourn), 0.08);
    }

    [Test]
    public void Reserved_places_split_the_station_into_two_independent_queues()
    {
        // Two places, one reserved for secondary jobs: each class is its own M/M/1.
        var rules = new SharingRules(AdmissionOrder.Independent, false, 2, 2, 1, 1);
        var runs = new TwoClassExperiment
        {
            Rules = rules, Rates = Independent,
            PrimaryRate = 0.6, PrimaryService = rng => Distributions.Exponential(1, rng),
            SecondaryRate = 0.25, SecondaryService = rng => Distributions.Exponential(2, rng),
        }.Run();
        TheoryAssert.Agrees("primary response (M/M/1)", 1 / (1 - 0.6), runs.Select(r => r.PrimarySojourn));
        TheoryAssert.Agrees("secondary response (M/M/1)", 1 / (0.5 - 0.25), runs.Select(r => r.SecondarySojourn));
    }

    [Test]
    public void A_preempted_job_resumes_with_its_remaining_work_and_never_before_the_primary_that_displaced_it()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var client = new LogClient(sim, log);
        var station = new SharingStation<Job>(sim, "s", OneServerPreemptive, Independent, double.PositiveInfinity,
            new FifoDiscipline<Job>(), new FifoDiscipline<Job>(), client);
        station.Arrive(new Job("proof", true, 10));
        sim.Schedule(4, _ => station.Arrive(new Job("answer", false, 3)));
        sim.Run(100);
        Assert.That(log, Is.EqualTo(new[] { "start proof at 0", "start answer at 4", "end answer at 7", "end proof at 13" }));
        Assert.That(station.Statistics.Preemptions, Is.EqualTo(1));
    }

    [Test]
    public void Serving_jobs_in_steady_state_allocates_nothing()
    {
        // Twelve jobs of both classes go round and round a processor-sharing station (each comes back as it leaves,
        // with other work): once its arrays have grown, a start, a completion and a reschedule allocate nothing
        // (a record and a tree node per job did, on every GPU of baseline.yaml).
        var sim = new Simulation();
        var client = new RecirculatingClient();
        var station = new SharingStation<Job>(sim, "s", ProcessorSharing, EqualShare, double.PositiveInfinity,
            new FifoDiscipline<Job>(), new FifoDiscipline<Job>(), client);
        client.Station = station;
        for (int i = 0; i < 12; i++) station.Arrive(new Job("", i % 3 == 0, 1 + i % 5));
        double until = 1_000;
        sim.Run(until);
        long departuresBefore = station.Statistics.Departures;
        long allocated = SteadyStateAllocation.FewestBytes(() => sim.Run(until += 10_000));
        Assert.That(station.Statistics.Departures - departuresBefore, Is.GreaterThan(1_000), "jobs kept going round");
        Assert.That(allocated, Is.Zero);
    }

    /// <summary>Sends each job that leaves straight back in, with the next of five work sizes.</summary>
    private sealed class RecirculatingClient : ISharingClient<Job>
    {
        public SharingStation<Job>? Station;
        public bool IsSecondary(Job job) => job.Secondary;
        public double Work(Job job) => job.Work + job.Rounds % 5;
        public double Demand(Job job) => 0;
        public void OnServiceStart(Job job, double waitSeconds) { }

        public void OnDeparture(Job job, double serviceSeconds)
        {
            job.Rounds++;
            Station!.Arrive(job);
        }
    }

    private sealed record Job(string Name, bool Secondary, double Work)
    {
        public double ArrivedAt;
        public int Rounds;
    }

    private sealed class LogClient(Simulation sim, List<string> log) : ISharingClient<Job>
    {
        public bool IsSecondary(Job job) => job.Secondary;
        public double Work(Job job) => job.Work;
        public double Demand(Job job) => 0;
        public void OnServiceStart(Job job, double waitSeconds) => log.Add($"start {job.Name} at {sim.Now:G6}");
        public void OnDeparture(Job job, double serviceSeconds) => log.Add($"end {job.Name} at {sim.Now:G6}");
    }

    /// <summary>Two Poisson streams into one sharing station, replicated with independent seeds.</summary>
    private sealed class TwoClassExperiment
    {
        public required SharingRules Rules { get; init; }
        public required Func<int, int, (double, double)> Rates { get; init; }
        public required double PrimaryRate { get; init; }
        public required Func<Random, IDistribution> PrimaryService { get; init; }
        public required double SecondaryRate { get; init; }
        public required Func<Random, IDistribution> SecondaryService { get; init; }
        public double RunSeconds { get; init; } = 60_000;
        public double WarmupSeconds { get; init; } = 2_000;
        public int Replications { get; init; } = 10;

        public List<Result> Run()
        {
            var root = new RandomStreams(7);
            return Enumerable.Range(0, Replications).Select(r => RunOne(root.ForReplication(r))).ToList();
        }

        private Result RunOne(RandomStreams streams)
        {
            var sim = new Simulation();
            var client = new MeasuringClient(sim, WarmupSeconds);
            var station = new SharingStation<Job>(sim, "s", Rules, Rates, double.PositiveInfinity,
                new FifoDiscipline<Job>(), new FifoDiscipline<Job>(), client);
            Feed(sim, station, false, PrimaryRate, PrimaryService(streams.Stream("service/primary")), streams.Stream("arrivals/primary"));
            Feed(sim, station, true, SecondaryRate, SecondaryService(streams.Stream("service/secondary")), streams.Stream("arrivals/secondary"));
            sim.ScheduleWarmup(WarmupSeconds);
            sim.Run(RunSeconds);
            return new Result(client.Wait[0].Mean, client.Wait[1].Mean, client.Sojourn[0].Mean, client.Sojourn[1].Mean,
                station.Statistics.Preemptions);
        }

        private static void Feed(Simulation sim, SharingStation<Job> station, bool secondary, double rate, IDistribution service, Random rng)
        {
            var gap = new Exponential(rate, rng);
            Action<object?>? arrive = null;
            arrive = _ =>
            {
                station.Arrive(new Job("", secondary, service.Sample()) { ArrivedAt = sim.Now });
                sim.Schedule(gap.Sample(), arrive!);
            };
            sim.Schedule(gap.Sample(), arrive);
        }
    }

    private sealed record Result(double PrimaryWait, double SecondaryWait, double PrimarySojourn, double SecondarySojourn, long Preemptions);

    /// <summary>Per-class wait and response of the jobs that arrived after the warm-up.</summary>
    private sealed class MeasuringClient(Simulation sim, double warmup) : ISharingClient<Job>
    {
        public readonly HacaSim.Analysis.Statistics.SampleStatistic[] Wait = [new(), new()];
        public readonly HacaSim.Analysis.Statistics.SampleStatistic[] Sojourn = [new(), new()];

        public bool IsSecondary(Job job) => job.Secondary;
        public double Work(Job job) => job.Work;
        public double Demand(Job job) => 0;

        public void OnServiceStart(Job job, double waitSeconds)
        {
            if (job.ArrivedAt >= warmup) Wait[job.Secondary ? 1 : 0].Record(waitSeconds);
        }

        public void OnDeparture(Job job, double serviceSeconds)
        {
            if (job.ArrivedAt >= warmup) Sojourn[job.Secondary ? 1 : 0].Record(sim.Now - job.ArrivedAt);
        }
    }
}
