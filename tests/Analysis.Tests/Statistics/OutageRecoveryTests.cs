using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class OutageRecoveryTests
{
    [Test]
    public void Recovery_is_the_time_from_the_outage_end_until_the_backlog_is_back_at_its_earlier_level()
    {
        // Backlog 2 until t = 10, +1 per second during the outage [10, 20), then -2 per second.
        double[] t = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        double[] y = t.Select(x => x <= 10 ? 2 : x <= 20 ? 2 + (x - 10) : Math.Max(2, 12 - 2 * (x - 20))).ToArray();
        var r = OutageRecovery.Measure(t, y, 10, 20);
        Assert.That((r.BacklogBefore, r.PeakBacklog, r.RecoverySeconds), Is.EqualTo((2.0, 12.0, 5.0)));
    }

    [Test]
    public void A_backlog_that_never_comes_back_has_no_recovery_time()
    {
        double[] t = [0, 1, 2, 3, 4];
        var r = OutageRecovery.Measure(t, [0, 0, 5, 6, 7], 1, 2);
        Assert.That(double.IsNaN(r.RecoverySeconds), Is.True);
        Assert.That(r.PeakBacklog, Is.EqualTo(7));
    }
}
