using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class BacklogStabilityTests
{
    private static (double[] T, double[] Y) Series(int n, Func<double, Random, double> backlog, int seed)
    {
        var rng = new Random(seed);
        double[] t = Enumerable.Range(0, n).Select(i => i * 10.0).ToArray();
        return (t, t.Select(x => backlog(x, rng)).ToArray());
    }

    [Test]
    public void A_steadily_growing_backlog_is_unstable_with_its_growth_rate_inside_the_interval()
    {
        var (t, y) = Series(300, (x, r) => 50 + 0.5 * x + 20 * (r.NextDouble() - 0.5), 1);
        StabilityVerdict v = BacklogStability.Assess(t, y, slack: 4);
        Assert.Multiple(() =>
        {
            Assert.That(v.Stable, Is.False);
            Assert.That(Math.Abs(v.GrowthPerSecond - 0.5), Is.LessThanOrEqualTo(v.GrowthCi95));
        });
    }

    [Test]
    public void A_wandering_but_stationary_backlog_is_stable_in_nearly_all_seeds()
    {
        // AR(1) around 20 with strong correlation between samples, as a busy stable queue looks.
        int unstable = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            double level = 20;
            var (t, y) = Series(330, (_, r) => level = Math.Max(0, 20 + 0.9 * (level - 20) + 6 * (r.NextDouble() - 0.5)), seed);
            if (!BacklogStability.Assess(t, y, slack: 4).Stable) unstable++;
        }
        TestContext.Out.WriteLine($"false alarms: {unstable} of 200");
        Assert.That(unstable, Is.LessThanOrEqualTo(6), "false alarms out of 200 (3%)");
    }

    [Test]
    public void Short_series_still_get_a_verdict_and_tiny_ones_are_called_stable_with_unknown_growth()
    {
        var (t, y) = Series(11, (x, _) => x, 0); // 11 samples: 5 batches
        Assert.That(BacklogStability.Assess(t, y, slack: 1).Stable, Is.False);
        var tiny = BacklogStability.Assess([0, 1, 2], [0, 5, 10], slack: 1);
        Assert.That(tiny.Stable, Is.True);
        Assert.That(double.IsNaN(tiny.GrowthPerSecond), Is.True);
    }
}
