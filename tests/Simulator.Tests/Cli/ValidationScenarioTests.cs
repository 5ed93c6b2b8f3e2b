using System.Text.Json;
using HacaSim.Scenarios;
using HacaSim.Tests.Engine;
using HacaSim.Tests.Scenarios;
using MathNet.Numerics.Distributions;

namespace HacaSim.Tests.Cli;

/// <summary>
/// The textbook queues of Scenarios/validation/, run through <c>hacasim run</c> and the full HACA model,
/// against exact results. The tolerance is the run's own 95% interval widened to 99% (Student-t over the
/// replications), and the interval must be tight enough (5% of the exact value) for the test to have power.
/// </summary>
public class ValidationScenarioTests
{
    private static void Agrees(JsonElement statistic, double exact, string what, int replications, double maxRelative = 0.05)
    {
        double mean = statistic.GetProperty("mean").GetDouble();
        double ci95 = statistic.GetProperty("ci95").GetDouble();
        double ci99 = ci95 * StudentT.InvCDF(0, 1, replications - 1, 0.995) / StudentT.InvCDF(0, 1, replications - 1, 0.975);
        TestContext.Out.WriteLine($"{what}: exact {exact:G6}, simulated {mean:G6} ± {ci99:G3} (99%)");
        Assert.Multiple(() =>
        {
            Assert.That(Math.Abs(mean - exact), Is.LessThanOrEqualTo(ci99), $"{what}: exact {exact} outside {mean} ± {ci99}");
            Assert.That(ci99, Is.LessThanOrEqualTo(maxRelative * exact), $"{what}: interval ±{ci99} too wide");
        });
    }

    private static double Mean(JsonElement e) => e.GetProperty("mean").GetDouble();

    [TestCase(3.6, 1.0, 4)]
    [TestCase(1.5, 1.0, 2)]
    [TestCase(0.8, 1.0, 1)]
    public void MMc_through_the_model_matches_Erlang_C(double lambda, double mu, int c)
    {
        var run = CliRun.Run(RepositoryPaths.Scenario("validation/mmc.yaml"),
            "--set", $"arrival_rate={lambda}", "--set", $"service_rate={mu}", "--set", $"servers={c}");
        JsonElement pool = run.Summary.GetProperty("pools").GetProperty("inference");
        int reps = run.Summary.GetProperty("replications").GetInt32();
        double wq = QueueingFormulas.MmcWq(lambda, mu, c);
        Agrees(pool.GetProperty("wait_s"), wq, "Wq", reps, 0.08);
        Agrees(pool.GetProperty("queue_length"), lambda * wq, "Lq", reps, 0.08);
        Agrees(pool.GetProperty("utilization"), lambda / (c * mu), "utilisation", reps, 0.02);
        // W = Wq + 1/mu and L = Lq + lambda/mu: check the parts the model adds, service and busy servers.
        Agrees(pool.GetProperty("service_s"), 1 / mu, "service time", reps, 0.02);
        Agrees(pool.GetProperty("in_service"), lambda / mu, "L - Lq (busy servers)", reps, 0.02);
        // Little's law on the whole station: L = lambda W.
        double l = Mean(pool.GetProperty("queue_length")) + Mean(pool.GetProperty("in_service"));
        double w = Mean(pool.GetProperty("wait_s")) + Mean(pool.GetProperty("service_s"));
        Assert.That(l / (lambda * w), Is.EqualTo(1).Within(0.02), "Little's law");
    }

    [TestCase(0.7, 1.0, 0.0)]
    [TestCase(0.5, 1.2, 1.5)]
    public void MG1_through_the_model_matches_Pollaczek_Khinchine(double lambda, double mean, double cv)
    {
        var run = CliRun.Run(RepositoryPaths.Scenario("validation/mg1.yaml"),
            "--set", $"arrival_rate={lambda}", "--set", $"service_mean_s={mean}", "--set", $"service_cv={cv}",
            "--duration", "100000", "--replications", "12");
        JsonElement pool = run.Summary.GetProperty("pools").GetProperty("inference");
        double wq = QueueingFormulas.Mg1Wq(lambda, mean, Math.Pow(cv * mean, 2));
        Agrees(pool.GetProperty("wait_s"), wq, $"Wq (M/G/1, cv {cv})", 12, 0.1);
        Agrees(pool.GetProperty("utilization"), lambda * mean, "utilisation", 12, 0.02);
    }

    [TestCase(0.6, 1.0, 0.8)]
    [TestCase(0.3, 0.5, 1.0)]
    public void Tandem_through_the_model_matches_two_independent_MM1_queues(double lambda, double mu1, double mu2)
    {
        var run = CliRun.Run(RepositoryPaths.Scenario("validation/tandem.yaml"),
            "--set", $"arrival_rate={lambda}", "--set", $"service_rate_1={mu1}", "--set", $"service_rate_2={mu2}");
        JsonElement pools = run.Summary.GetProperty("pools");
        int reps = run.Summary.GetProperty("replications").GetInt32();
        Agrees(pools.GetProperty("inference").GetProperty("wait_s"), lambda / mu1 / (mu1 - lambda), "Wq stage 1", reps);
        Agrees(pools.GetProperty("verification").GetProperty("wait_s"), lambda / mu2 / (mu2 - lambda), "Wq stage 2", reps, 0.08);
        double l2 = lambda / mu2 / (1 - lambda / mu2);
        double measuredL2 = Mean(pools.GetProperty("verification").GetProperty("queue_length"))
            + Mean(pools.GetProperty("verification").GetProperty("in_service"));
        Assert.That(measuredL2, Is.EqualTo(l2).Within(0.05 * l2), "L stage 2");
        // With instant settlement and no hops, time to trust is the sum of the two sojourns.
        Agrees(run.Summary.GetProperty("paths").GetProperty("vanilla").GetProperty("time_to_trust_s"),
            1 / (mu1 - lambda) + 1 / (mu2 - lambda), "end-to-end sojourn", reps);
    }
}
