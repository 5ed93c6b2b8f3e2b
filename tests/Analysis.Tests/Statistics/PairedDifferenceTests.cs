using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class PairedDifferenceTests
{
    [Test]
    public void Pairing_cancels_what_two_runs_share()
    {
        // Replication noise shared by both (large) plus a constant difference of 1 with small own noise.
        double[] shared = [10, 30, 20, 50, 40, 15];
        double[] own = [0.1, -0.1, 0.05, 0, -0.05, 0.02];
        var a = shared.ToList();
        var b = shared.Zip(own, (s, e) => s + 1 + e).ToList();
        var d = PairedDifference.Of(a, b);
        Assert.Multiple(() =>
        {
            Assert.That(d.Mean, Is.EqualTo(1 + own.Average()).Within(1e-12));
            Assert.That(d.Ci95, Is.LessThan(0.2));
            Assert.That(d.UnpairedCi95, Is.GreaterThan(10));
            Assert.That(d.Count, Is.EqualTo(6));
        });
    }

    [Test]
    public void The_paired_interval_is_the_t_interval_of_the_differences_and_non_finite_pairs_are_left_out()
    {
        var d = PairedDifference.Of([1, 2, 3, double.NaN], [2, 4, 3, 7]);
        var expected = ConfidenceInterval.FromSamples([1, 2, 0]);
        Assert.That((d.Mean, d.Ci95, d.Count), Is.EqualTo((expected.Mean, expected.HalfWidth, 3)));
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1], [1, 2]));
    }
}
