using HacaSim.Randomness;

namespace HacaSim.Tests.Engine;

/// <summary>The kernel's station against exact queueing results, within replication confidence intervals.</summary>
public class QueueingTheoryTests
{
    private static QueueNetworkExperiment.StageSpec Exponential(double mu, int servers = 1, int capacity = int.MaxValue) =>
        new(servers, rng => Distributions.Exponential(1 / mu, rng), capacity);

    [TestCase(0.5)]
    [TestCase(0.8)]
    public void MM1_matches_exact_wait_sojourn_and_queue_length(double rho)
    {
        double lambda = rho, mu = 1;
        var runs = new QueueNetworkExperiment { ArrivalRate = lambda, Stages = [Exponential(mu)], RunSeconds = 60_000 }.Run();
        TheoryAssert.Agrees("Wq", rho / (mu - lambda), runs.Select(r => r[0].Wq));
        TheoryAssert.Agrees("W", 1 / (mu - lambda), runs.Select(r => r[0].W));
        TheoryAssert.Agrees("L", rho / (1 - rho), runs.Select(r => r[0].L));
        TheoryAssert.Agrees("utilisation", rho, runs.Select(r => r[0].Utilization), 0.01);
    }

    [Test]
    public void MMc_with_four_servers_at_rho_0_9_matches_Erlang_C()
    {
        const int c = 4;
        double mu = 1, lambda = 0.9 * c * mu;
        var runs = new QueueNetworkExperiment
        {
            ArrivalRate = lambda, Stages = [Exponential(mu, c)], RunSeconds = 100_000, WarmupSeconds = 5_000, Replications = 12,
        }.Run();
        double wq = QueueingFormulas.MmcWq(lambda, mu, c);
        TheoryAssert.Agrees("Wq (Erlang C)", wq, runs.Select(r => r[0].Wq), 0.08);
        TheoryAssert.Agrees("Lq", lambda * wq, runs.Select(r => r[0].Lq), 0.08);
        TheoryAssert.Agrees("utilisation", 0.9, runs.Select(r => r[0].Utilization), 0.01);
    }

    [Test]
    public void MD1_matches_Pollaczek_Khinchine_with_zero_service_variance()
    {
        double lambda = 0.7, serviceMean = 1;
        var runs = new QueueNetworkExperiment
        {
            ArrivalRate = lambda, Stages = [new(1, _ => Distributions.Deterministic(serviceMean))],
        }.Run();
        TheoryAssert.Agrees("Wq (M/D/1)", QueueingFormulas.Mg1Wq(lambda, serviceMean, 0), runs.Select(r => r[0].Wq));
    }

    [Test]
    public void MG1_with_high_variance_service_matches_Pollaczek_Khinchine()
    {
        // Gamma service with CV 2: the mean wait is 2.5x that of M/D/1 at the same load, so a kernel that
        // ignored the service distribution's variance could not pass.
        double lambda = 0.6, serviceMean = 1, cv = 2;
        var runs = new QueueNetworkExperiment
        {
            ArrivalRate = lambda, Stages = [new(1, rng => Distributions.GammaFromMeanCv(serviceMean, cv, rng))],
            RunSeconds = 100_000, Replications = 12,
        }.Run();
        double variance = Math.Pow(cv * serviceMean, 2);
        TheoryAssert.Agrees("Wq (M/G/1, CV 2)", QueueingFormulas.Mg1Wq(lambda, serviceMean, variance), runs.Select(r => r[0].Wq), 0.08);
    }

    [Test]
    public void Tandem_MM1_stages_behave_as_independent_MM1_queues()
    {
        // Jackson: the departures of a stable M/M/1 are Poisson, so stage 2 is M/M/1 with the same rate.
        double lambda = 0.6, mu1 = 1, mu2 = 0.8;
        var runs = new QueueNetworkExperiment { ArrivalRate = lambda, Stages = [Exponential(mu1), Exponential(mu2)] }.Run();
        TheoryAssert.Agrees("W stage 1", 1 / (mu1 - lambda), runs.Select(r => r[0].W));
        TheoryAssert.Agrees("W stage 2", 1 / (mu2 - lambda), runs.Select(r => r[1].W));
        TheoryAssert.Agrees("L stage 2", lambda / mu2 / (1 - lambda / mu2), runs.Select(r => r[1].L));
        TheoryAssert.Agrees("throughput stage 2", lambda, runs.Select(r => r[1].Throughput), 0.01);
    }

    [Test]
    public void Littles_law_holds_on_every_station()
    {
        // L = lambda W with lambda the measured throughput, on a tandem with multi-server, gamma-service stages.
        var runs = new QueueNetworkExperiment
        {
            ArrivalRate = 2.0,
            Stages = [new(3, rng => Distributions.GammaFromMeanCv(1.2, 0.5, rng)), Exponential(1.0, 3)],
        }.Run();
        for (int stage = 0; stage < 2; stage++)
        {
            int s = stage;
            TheoryAssert.Agrees($"L / (lambda W), stage {s}", 1, runs.Select(r => r[s].L / (r[s].Throughput * r[s].W)), 0.02);
        }
    }

    [TestCase(0.9, 5)]
    [TestCase(1.5, 3)]
    public void MM1K_loss_probability_matches_exact(double rho, int k)
    {
        var runs = new QueueNetworkExperiment { ArrivalRate = rho, Stages = [Exponential(1, 1, k)], RunSeconds = 40_000 }.Run();
        TheoryAssert.Agrees($"loss probability M/M/1/{k}", QueueingFormulas.Mm1kLoss(rho, k), runs.Select(r => r[0].LossProbability));
        TheoryAssert.Agrees($"L M/M/1/{k}", QueueingFormulas.Mm1kL(rho, k), runs.Select(r => r[0].L));
    }
}
