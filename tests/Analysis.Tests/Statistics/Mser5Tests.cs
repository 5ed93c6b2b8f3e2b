using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Statistics;

public class Mser5Tests
{
    [Test]
    public void HandComputedBatchMeans()
    {
        // Batch means Z = 4, 2, 0, 1, 0, 1, 0, 1 (each repeated 5 times), k = 8, search d <= 4.
        // SE(d) = Σ_{j>d}(Z_j - mean)² / (k-d)²: d=0: 12.875/64 = 0.201, d=1: 3.429/49 = 0.070,
        // d=2: 1.5/36 = 0.0417, d=3: 1.2/25 = 0.048, d=4: 1/16 = 0.0625. Minimum at d = 2.
        double[] batchMeans = [4, 2, 0, 1, 0, 1, 0, 1];
        double[] series = batchMeans.SelectMany(z => Enumerable.Repeat(z, Mser5.BatchSize)).ToArray();

        Assert.That(Mser5.TruncationIndex(series), Is.EqualTo(new Mser5Result(10, Reliable: true)));
    }

    [Test]
    public void BatchesAreAveragedBeforeTheSearch()
    {
        // Same batch means as above, but each batch is 5 different values with that mean, plus
        // 3 trailing observations (an incomplete batch, ignored) that would otherwise move the cut.
        double[] batchMeans = [4, 2, 0, 1, 0, 1, 0, 1];
        var series = batchMeans.SelectMany(z => new[] { z - 2, z + 2, z - 1, z + 1, z }).ToList();
        series.AddRange([1000, 1000, 1000]);

        Assert.That(Mser5.TruncationIndex(series), Is.EqualTo(new Mser5Result(10, Reliable: true)));
    }

    [Test]
    public void ExponentialTransientIsCutWhereItSinksIntoTheNoise()
    {
        // y_t = 10 + 50 e^{-t/100} + N(0, 1) for t < 1000, then 10 + N(0, 1), 10 000 observations.
        // MSER trades bias for sample size; it cuts about where the transient falls to the noise
        // of a batch mean, 1/√5: t = 100 ln(50 √5) ≈ 471. Window: no earlier than
        // 100 ln 50 ≈ 391, where the transient still equals a whole noise standard deviation, and
        // no later than 700, where it is 0.05, a tenth of a batch's noise, and cutting more only
        // throws data away. (Observed over 200 seeds: 405 to 580.)
        for (int seed = 1; seed <= 20; seed++)
        {
            var normals = new BoxMullerNormals(seed);
            var series = new double[10_000];
            for (int t = 0; t < series.Length; t++)
                series[t] = 10 + (t < 1000 ? 50 * Math.Exp(-t / 100.0) : 0) + normals.Next();

            Mser5Result result = Mser5.TruncationIndex(series);
            Assert.Multiple(() =>
            {
                Assert.That(result.TruncatedObservations, Is.InRange(391, 700), $"seed {seed}");
                Assert.That(result.Reliable, Is.True, $"seed {seed}");
            });
        }
    }

    [Test]
    public void StationarySeriesIsBarelyTruncated()
    {
        // With no transient, only chance dips of SE(d) cause a cut; 1% of the run is generous
        // (observed over 200 seeds: at most 50 of 10 000).
        for (int seed = 1; seed <= 10; seed++)
        {
            var normals = new BoxMullerNormals(seed);
            var series = new double[10_000];
            for (int t = 0; t < series.Length; t++)
                series[t] = 10 + normals.Next();

            Mser5Result result = Mser5.TruncationIndex(series);
            Assert.Multiple(() =>
            {
                Assert.That(result.TruncatedObservations, Is.LessThanOrEqualTo(100), $"seed {seed}");
                Assert.That(result.Reliable, Is.True, $"seed {seed}");
            });
        }
    }

    [Test]
    public void TransientLongerThanHalfTheRunIsUnreliable()
    {
        // Time constant 200 over 1000 observations: the bias is still far above the noise
        // at the half-way point, so the statistic is still falling there.
        var normals = new BoxMullerNormals(1);
        var series = new double[1000];
        for (int t = 0; t < series.Length; t++)
            series[t] = 10 + 50 * Math.Exp(-t / 200.0) + normals.Next();

        Assert.That(Mser5.TruncationIndex(series), Is.EqualTo(new Mser5Result(500, Reliable: false)));
    }

    [Test]
    public void GrowingSeriesIsUnreliable()
    {
        // An overloaded queue never reaches steady state: no cut can make the rest stationary.
        double[] series = Enumerable.Range(0, 1000).Select(t => 0.05 * t).ToArray();
        Assert.That(Mser5.TruncationIndex(series).Reliable, Is.False);
    }

    [Test]
    public void ConstantSeriesNeedsNoCut() =>
        Assert.That(Mser5.TruncationIndex(Enumerable.Repeat(3.0, 100).ToArray()),
            Is.EqualTo(new Mser5Result(0, Reliable: true)));

    [Test]
    public void TooShortSeriesIsUnreliable() =>
        Assert.That(Mser5.TruncationIndex(new double[19]), Is.EqualTo(new Mser5Result(0, Reliable: false)));
}
