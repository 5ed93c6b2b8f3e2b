using HacaSim.Randomness;

namespace HacaSim.Benchmarks;

/// <summary>
/// The shared M/M/c workload every benchmark runs: the same servers, load, customer count and seed,
/// so the only thing that differs between benchmarks is the event loop underneath.
/// </summary>
public sealed record MmcWorkload
{
    public MmcWorkload(int servers, double utilisation, double meanInterarrivalSeconds, int arrivals, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!(utilisation > 0 && utilisation < 1))
            throw new ArgumentOutOfRangeException(nameof(utilisation), utilisation, "a stable M/M/c needs 0 < rho < 1");
        if (!(meanInterarrivalSeconds > 0) || !double.IsFinite(meanInterarrivalSeconds))
            throw new ArgumentOutOfRangeException(nameof(meanInterarrivalSeconds), meanInterarrivalSeconds, "must be > 0 and finite");
        ArgumentOutOfRangeException.ThrowIfLessThan(arrivals, 1);
        Servers = servers;
        Utilisation = utilisation;
        MeanInterarrivalSeconds = meanInterarrivalSeconds;
        Arrivals = arrivals;
        Seed = seed;
    }

    /// <summary>
    /// c = 4 at rho = 0.9: a queue that is long enough for the FIFO to matter, with 200,000 arrivals
    /// (400,000 events) per invocation, about 10 ms of work, well above timer resolution.
    /// </summary>
    public static MmcWorkload Standard { get; } = new(servers: 4, utilisation: 0.9, meanInterarrivalSeconds: 1.0, arrivals: 200_000, seed: 20_250_101);

    public int Servers { get; }
    public double Utilisation { get; }
    public double MeanInterarrivalSeconds { get; }

    /// <summary>Customers that arrive in one invocation; arrivals then stop and the system drains.</summary>
    public int Arrivals { get; }

    public ulong Seed { get; }

    /// <summary>rho = lambda E[S] / c, so E[S] = c rho / lambda.</summary>
    public double MeanServiceSeconds => Servers * Utilisation * MeanInterarrivalSeconds;

    /// <summary>One arrival and one completion per customer, because every run drains the system.</summary>
    public long EventsPerRun => 2L * Arrivals;

    /// <summary>A fresh interarrival sampler: every invocation replays the same sequence.</summary>
    public IDistribution CreateInterarrival() =>
        Distributions.Exponential(MeanInterarrivalSeconds, new RandomStreams(Seed).Stream("arrivals"));

    /// <summary>A fresh service-time sampler, on its own stream.</summary>
    public IDistribution CreateService() =>
        Distributions.Exponential(MeanServiceSeconds, new RandomStreams(Seed).Stream("service"));

    /// <summary>Steady-state mean number in system, L = Lq + c rho, with Lq from Erlang C (a sanity check).</summary>
    public double TheoryMeanNumberInSystem()
    {
        double offered = Servers * Utilisation; // a = lambda / mu, in erlangs
        double term = 1, sum = 1;
        for (int k = 1; k < Servers; k++)
        {
            term *= offered / k;
            sum += term;
        }
        double last = term * offered / Servers / (1 - Utilisation); // a^c / (c! (1 - rho))
        double probabilityOfWaiting = last / (sum + last);
        return probabilityOfWaiting * Utilisation / (1 - Utilisation) + offered;
    }
}
