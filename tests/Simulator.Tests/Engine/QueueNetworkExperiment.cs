using HacaSim.Engine;
using HacaSim.Randomness;
using Exponential = MathNet.Numerics.Distributions.Exponential;

namespace HacaSim.Tests.Engine;

/// <summary>
/// Test harness: Poisson arrivals through a chain of stations (one station is M/G/c, two make a
/// tandem), replicated with independent seeds. Each replication yields one value per metric and
/// station; a test compares their Student-t interval with the exact queueing result.
/// </summary>
internal sealed class QueueNetworkExperiment
{
    public required double ArrivalRate { get; init; }
    public required IReadOnlyList<StageSpec> Stages { get; init; }
    public double RunSeconds { get; init; } = 50_000;
    public double WarmupSeconds { get; init; } = 2_000;
    public int Replications { get; init; } = 10;
    public ulong Seed { get; init; } = 42;

    internal sealed record StageSpec(int Servers, Func<Random, IDistribution> Service, int Capacity = int.MaxValue);

    internal sealed record StageResult(double Wq, double W, double Lq, double L, double Utilization, double LossProbability, double Throughput);

    public IReadOnlyList<StageResult[]> Run()
    {
        var results = new List<StageResult[]>();
        var root = new RandomStreams(Seed);
        for (int r = 0; r < Replications; r++) results.Add(RunOne(root.ForReplication(r)));
        return results;
    }

    private StageResult[] RunOne(RandomStreams streams)
    {
        var sim = new Simulation();
        var stations = new Station<Customer>[Stages.Count];
        for (int i = Stages.Count - 1; i >= 0; i--)
        {
            var client = new StageClient(Stages[i].Service(streams.Stream($"service/{i}")), i + 1 < Stages.Count ? stations[i + 1] : null);
            stations[i] = new Station<Customer>(sim, $"s{i}", Stages[i].Servers, new FifoDiscipline<Customer>(), client, Stages[i].Capacity);
        }
        var interArrival = new Exponential(ArrivalRate, streams.Stream("arrivals"));
        Action<object?>? arrive = null;
        arrive = _ =>
        {
            stations[0].Arrive(new Customer());
            sim.Schedule(interArrival.Sample(), arrive!);
        };
        sim.Schedule(interArrival.Sample(), arrive);
        sim.ScheduleWarmup(WarmupSeconds);
        sim.Run(RunSeconds);

        double span = sim.Now - WarmupSeconds;
        return stations.Select(s =>
        {
            var st = s.Statistics;
            double lq = st.Waiting.Mean(sim.Now);
            double busy = st.Busy.Mean(sim.Now);
            return new StageResult(
                Wq: st.Wait.Mean,
                W: st.Sojourn.Mean,
                Lq: lq,
                L: lq + busy,
                Utilization: busy / s.Servers,
                LossProbability: st.Arrivals > 0 ? (double)st.Rejections / st.Arrivals : 0,
                Throughput: st.Departures / span);
        }).ToArray();
    }

    private sealed class Customer;

    private sealed class StageClient(IDistribution service, Station<Customer>? next) : StationClient<Customer>
    {
        public override double ServiceTime(Customer job) => service.Sample();
        public override void OnServiceStart(Customer job, double waitSeconds, double serviceSeconds) { }
        public override void OnDeparture(Customer job) => next?.Arrive(job);
    }
}
