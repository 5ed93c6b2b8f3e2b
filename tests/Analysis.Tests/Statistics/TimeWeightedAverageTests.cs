using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class TimeWeightedAverageTests
{
    [Test]
    public void MeanIsIntegralOverElapsedTime()
    {
        // 0 on [0,1), 2 on [1,4), 1 on [4,5): integral 0 + 6 + 1 = 7 over 5 seconds.
        var average = new TimeWeightedAverage(startTime: 0);
        average.Update(1, 2);
        average.Update(4, 1);

        Assert.Multiple(() =>
        {
            Assert.That(average.Mean(5), Is.EqualTo(7.0 / 5).Within(1e-15));
            Assert.That(average.Current, Is.EqualTo(1));
            Assert.That(average.Max, Is.EqualTo(2));
        });
    }

    [Test]
    public void MeanExtendsCurrentValueToNow()
    {
        // 3 on [10,12), then 5 on [12,20): (6 + 40) / 10.
        var average = new TimeWeightedAverage(startTime: 10, initialValue: 3);
        average.Update(12, 5);
        Assert.That(average.Mean(20), Is.EqualTo(4.6).Within(1e-15));
    }

    [Test]
    public void MeanWithNoElapsedTimeIsCurrent()
    {
        var average = new TimeWeightedAverage(startTime: 2, initialValue: 7);
        Assert.That(average.Mean(2), Is.EqualTo(7));
        average.Update(2, 9); // a change at the same instant has zero weight
        Assert.That(average.Mean(2), Is.EqualTo(9));
    }

    [Test]
    public void SeveralUpdatesAtTheSameInstantOnlyTheLastCounts()
    {
        var average = new TimeWeightedAverage(startTime: 0);
        average.Update(1, 100);
        average.Update(1, 4);
        Assert.Multiple(() =>
        {
            Assert.That(average.Mean(3), Is.EqualTo(8.0 / 3).Within(1e-15));
            Assert.That(average.Max, Is.EqualTo(100), "Max sees the instantaneous spike");
        });
    }

    [Test]
    public void ResetRestartsIntegralButKeepsCurrentValue()
    {
        var average = new TimeWeightedAverage(startTime: 0);
        average.Update(1, 10); // 10 on [1,4): would dominate the mean if kept
        average.Update(4, 2);
        average.Reset(5);      // warm-up cut; the value 2 is still in force

        Assert.Multiple(() =>
        {
            Assert.That(average.Max, Is.EqualTo(2), "Max restarts from the current value");
            Assert.That(average.Current, Is.EqualTo(2));
            Assert.That(average.Mean(5), Is.EqualTo(2), "no elapsed time since the reset");
        });

        average.Update(7, 4); // 2 on [5,7), 4 on [7,9): (4 + 8) / 4
        Assert.Multiple(() =>
        {
            Assert.That(average.Mean(9), Is.EqualTo(3).Within(1e-15));
            Assert.That(average.Max, Is.EqualTo(4));
        });
    }

    [Test]
    public void TimeGoingBackwardsThrows()
    {
        var average = new TimeWeightedAverage(startTime: 0);
        average.Update(5, 1);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => average.Update(4.999, 2));
            Assert.Throws<ArgumentException>(() => average.Mean(4));
            Assert.Throws<ArgumentException>(() => average.Reset(4));
            Assert.Throws<ArgumentException>(() => average.Update(double.NaN, 2));
        });
        // The failed calls must not have changed anything: 0 on [0,5), 1 on [5,10).
        Assert.That(average.Mean(10), Is.EqualTo(0.5).Within(1e-15));
    }

    [Test]
    public void UpdateDoesNotAllocate()
    {
        var average = new TimeWeightedAverage(startTime: 0);
        average.Update(0.5, 1); // warm up the JIT
        int time = 0; // time only moves forward, across windows too
        long allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 10_000; i++, time++)
                average.Update(time + 1, time % 7);
        });
        Assert.That(allocated, Is.Zero);
    }
}
