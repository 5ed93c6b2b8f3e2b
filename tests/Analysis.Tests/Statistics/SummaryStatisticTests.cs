using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class SummaryStatisticTests
{
    private const double TwoSidedT95With2Dof = 4.302653; // t(0.975, 2), from tables

    [Test]
    public void FromReplicationsUsesReplicationMeansForCiAndPooledHistogramForQuantiles()
    {
        // Means 2, 5, 9: mean 16/3, sample variance 37/3, SE √(37/9).
        // Pooled values 1..11; HdrHistogram takes the value of rank round(p n): P50 rank 6,
        // P95 rank round(10.45) = 10, P99 rank round(10.89) = 11; max 11.
        SampleStatistic[] replications = [Of(1, 2, 3), Of(4, 5, 6), Of(7, 8, 9, 10, 11)];
        SummaryStatistic summary = SummaryStatistic.FromReplications(replications);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Mean, Is.EqualTo(16.0 / 3).Within(1e-14), "not the pooled mean 6");
            Assert.That(summary.Ci95, Is.EqualTo(TwoSidedT95With2Dof * Math.Sqrt(37.0 / 9)).Within(1e-5));
            Assert.That(summary.P50, Is.EqualTo(6).Within(0.1).Percent);
            Assert.That(summary.P95, Is.EqualTo(10).Within(0.1).Percent);
            Assert.That(summary.P99, Is.EqualTo(11));
            Assert.That(summary.Max, Is.EqualTo(11));
            Assert.That(replications.Select(r => r.Count), Is.EqualTo(new long[] { 3, 3, 5 }), "inputs untouched");
        });
    }

    [Test]
    public void OneReplicationHasNoCi()
    {
        SummaryStatistic summary = SummaryStatistic.FromReplications([Of(1, 2, 3, 4)]);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Mean, Is.EqualTo(2.5));
            Assert.That(summary.Ci95, Is.Null);
            Assert.That(summary.P50, Is.EqualTo(2).Within(0.1).Percent);
            Assert.That(summary.Max, Is.EqualTo(4));
        });
    }

    [Test]
    public void FromReplicationsRejectsMissingData()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => SummaryStatistic.FromReplications([]));
            Assert.Throws<ArgumentException>(() => SummaryStatistic.FromReplications([Of(1), new SampleStatistic()]));
        });
    }

    [Test]
    public void FromValuesGivesMeanAndCiOnly()
    {
        // 0.5, 0.7, 0.6: mean 0.6, sample sd 0.1, SE 0.1/√3.
        SummaryStatistic summary = SummaryStatistic.FromValues([0.5, 0.7, 0.6]);
        Assert.That(summary, Is.EqualTo(new SummaryStatistic(0.6, summary.Ci95, null, null, null, null)));
        Assert.Multiple(() =>
        {
            Assert.That(summary.Mean, Is.EqualTo(0.6).Within(1e-15));
            Assert.That(summary.Ci95, Is.EqualTo(TwoSidedT95With2Dof * 0.1 / Math.Sqrt(3)).Within(1e-6));
        });
    }

    [Test]
    public void FromValuesWithOneReplicationHasNoCi()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SummaryStatistic.FromValues([0.8]), Is.EqualTo(new SummaryStatistic(0.8, null, null, null, null, null)));
            Assert.Throws<ArgumentException>(() => SummaryStatistic.FromValues([]));
        });
    }

    private static SampleStatistic Of(params double[] values)
    {
        var statistic = new SampleStatistic();
        foreach (double v in values)
            statistic.Record(v);
        return statistic;
    }
}
