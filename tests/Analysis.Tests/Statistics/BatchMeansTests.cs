using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class BatchMeansTests
{
    [Test]
    public void FullBufferMergesPairsAndDoublesBatchSize()
    {
        // targetBatches 4: the buffer holds 8 means. Alternating 0, 10 has negative lag-1
        // correlation at batch size 1 and constant means (NaN correlation) after that, so no
        // extra merging happens and we see the stored batches.
        var batches = new BatchMeans(targetBatches: 4);
        for (int i = 0; i < 7; i++)
            batches.Push(i % 2 == 0 ? 0 : 10);
        Assert.Multiple(() =>
        {
            Assert.That(batches.BatchSize, Is.EqualTo(1));
            Assert.That(batches.BatchCount, Is.EqualTo(7));
            Assert.That(batches.Lag1Autocorrelation, Is.LessThan(0));
        });

        batches.Push(10); // 8th value fills the buffer: 4 batches of 2, each mean 5
        Assert.Multiple(() =>
        {
            Assert.That(batches.BatchSize, Is.EqualTo(2));
            Assert.That(batches.BatchCount, Is.EqualTo(4));
        });

        batches.Push(1000); // incomplete batch: left out of the interval
        ConfidenceInterval interval = batches.Interval();
        Assert.Multiple(() =>
        {
            Assert.That(batches.Count, Is.EqualTo(9));
            Assert.That(interval.Mean, Is.EqualTo(5));
            Assert.That(interval.HalfWidth, Is.Zero);
            Assert.That(interval.Count, Is.EqualTo(4));
        });
    }

    [Test]
    public void CorrelatedBatchesAreMergedUntilTenOrFewerRemain()
    {
        // A ramp 0..199 has batch means with lag-1 correlation near 1 at any batch size.
        // Stored (target 32): 128 values fill 64 size-2 batches -> 32 of size 4; the other 72
        // make 18 more: 50 batches of 4. Interval merges 50 -> 25 -> 12 -> 6 batches of 32
        // (the odd 25th batch is dropped), stopping because 6 <= 10.
        var batches = new BatchMeans();
        for (int i = 0; i < 200; i++)
            batches.Push(i);

        ConfidenceInterval interval = batches.Interval();
        Assert.Multiple(() =>
        {
            Assert.That(batches.BatchSize, Is.EqualTo(32));
            Assert.That(batches.BatchCount, Is.EqualTo(6));
            Assert.That(batches.Lag1Autocorrelation, Is.GreaterThan(BatchMeans.AutocorrelationThreshold));
            Assert.That(interval.Count, Is.EqualTo(6));
            Assert.That(interval.Mean, Is.EqualTo(95.5), "mean of 0..191, the values in the 6 batches used");
        });
    }

    [Test]
    public void Ar1IntervalCoversTrueMeanAtRoughlyNominalRate()
    {
        // x_t = 0.9 x_{t-1} + e_t has mean 0, and the variance of its sample mean is
        // (1 + 0.9) / (1 - 0.9) = 19 times that of independent data: an interval that ignored the
        // correlation would cover 0 only ~35% of the time. A correct one covers ~95%, and over
        // 200 seeds the observed rate has a standard deviation of ~1.5%, so [85%, 99%] does not
        // flake yet catches a badly wrong variance estimate. (Observed with these seeds: 94%.)
        const int seeds = 200;
        const int length = 20_000;
        const double phi = 0.9;
        int covered = 0;
        for (int seed = 1; seed <= seeds; seed++)
        {
            var normals = new BoxMullerNormals(seed);
            var batches = new BatchMeans();
            double x = normals.Next() / Math.Sqrt(1 - phi * phi); // start in the stationary distribution
            for (int t = 0; t < length; t++)
            {
                x = phi * x + normals.Next();
                batches.Push(x);
            }
            if (batches.Interval().Contains(0))
                covered++;
        }
        double coverage = (double)covered / seeds;
        Assert.That(coverage, Is.InRange(0.85, 0.99));
    }

    [Test]
    public void MemoryIsBoundedAndPushDoesNotAllocate()
    {
        var batches = new BatchMeans(targetBatches: 32);
        batches.Push(0); // warm up the JIT
        long allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 1; i < 1_000_000; i++)
                batches.Push(i % 10);
        });
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(batches.BatchCount, Is.InRange(32, 63));
            Assert.That(batches.Interval().Mean, Is.EqualTo(4.5).Within(1e-3));
        });
    }

    [Test]
    public void RejectsTooFewTargetBatches() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new BatchMeans(targetBatches: 1));
}
