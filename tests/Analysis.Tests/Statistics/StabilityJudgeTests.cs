using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class StabilityJudgeTests
{
    private static StabilityEvidence E(double growth, double ci, double rho, double? util) =>
        new(growth, ci, false, rho, util, 0.5, 1, 1, 300, 3600);

    [Test]
    public void Unstable_needs_significant_growth_and_saturation()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StabilityJudge.Judge(E(0.04, 0.01, 1.1, 0.99)).State, Is.EqualTo(StabilityState.Unstable));
            // The example: growth 0.040 +/- 0.058 includes zero: not unstable, but rho >= 1 makes it critical.
            Assert.That(StabilityJudge.Judge(E(0.04, 0.058, 1.1, 0.99)).State, Is.EqualTo(StabilityState.Critical));
            // Significant growth while far from capacity: a queue still filling, stable with a note.
            var filling = StabilityJudge.Judge(E(0.04, 0.01, 0.7, 0.7));
            Assert.That(filling.State, Is.EqualTo(StabilityState.Stable));
            Assert.That(filling.Reason, Does.Contain("still filling"));
            // Measured saturation the analytic model misses, with growth: unstable.
            Assert.That(StabilityJudge.Judge(E(0.04, 0.01, 0.5, 0.99)).State, Is.EqualTo(StabilityState.Unstable));
        });
    }

    [Test]
    public void Near_capacity_is_critical_with_the_run_length_that_settles_it()
    {
        var v = StabilityJudge.Judge(E(0.0, 0.01, 0.96, 0.96));
        // 2 rho (ca2 + cs2) / (mu (1 - rho)^2) = 2 x 0.96 x 2 / (0.5 x 0.0016) = 4800 s; settle = 300 + 10 x 4800.
        Assert.Multiple(() =>
        {
            Assert.That(v.State, Is.EqualTo(StabilityState.Critical));
            Assert.That(v.RelaxationSeconds, Is.EqualTo(4800).Within(1e-6));
            Assert.That(v.SettleRunSeconds, Is.EqualTo(48300).Within(1e-6));
            Assert.That(StabilityJudge.Judge(E(0.0, 0.01, 0.94, 0.94)).State, Is.EqualTo(StabilityState.Stable));
        });
    }

    [Test]
    public void Mm1_relaxation_time_is_the_heavy_traffic_limit()
    {
        // M/M/1 (ca2 = cs2 = 1): 4 rho / (mu (1 - rho)^2) -> 1 / (mu (1 - sqrt rho)^2) as rho -> 1 (Abate and Whitt).
        const double rho = 0.99, mu = 1;
        double exact = 1 / (mu * Math.Pow(1 - Math.Sqrt(rho), 2));
        double? t = StabilityJudge.Relaxation(new StabilityEvidence(0, 0, false, rho, null, mu, 1, 1, 0, 1));
        Assert.That(t!.Value / exact, Is.EqualTo(1).Within(0.02));
    }
}
