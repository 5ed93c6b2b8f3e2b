using System.Reflection;
using HacaSim.Analysis.Statistics;
using MathNet.Numerics.Statistics;

namespace HacaSim.Tests.Statistics;

/// <summary>
/// <see cref="SampleStatistic.CopyOf"/>: a copy taken at any point, then fed the rest of a sequence, must be exactly a
/// statistic that recorded the whole sequence itself (moments bit for bit, every bucket, quantiles), and the two must
/// not share state afterwards.
/// </summary>
public class SampleStatisticCopyTests
{
    [Test]
    public void A_copy_fed_the_rest_equals_recording_everything([Range(1, 40)] int seed)
    {
        var rng = new Random(seed);
        double[] values = [.. Enumerable.Range(0, rng.Next(1, 300)).Select(_ => rng.Next(5) == 0 ? 0 : Math.Exp(rng.NextDouble() * 12 - 8))];
        int at = rng.Next(values.Length + 1);
        var source = new SampleStatistic();
        var reference = new SampleStatistic();
        foreach (double v in values.Take(at))
        {
            source.Record(v);
            reference.Record(v);
        }
        // A source whose counts have moved into its histogram (a save settles them), then recorded more: both kinds at once.
        if (seed % 3 == 0)
        {
            _ = source.Save();
            source.Record(1.25);
            reference.Record(1.25);
        }
        SampleStatistic copy = SampleStatistic.CopyOf(source);
        foreach (double v in values.Skip(at))
        {
            copy.Record(v);
            reference.Record(v);
            source.Record(v * 3 + 1); // the source goes its own way: the copy must not see it
        }
        AssertSame(copy, reference);
    }

    [Test]
    public void A_copy_of_an_empty_statistic_is_empty()
    {
        SampleStatistic copy = SampleStatistic.CopyOf(new SampleStatistic());
        Assert.That(copy.Count, Is.Zero);
        Assert.That(copy.Quantile(0.5), Is.NaN);
        copy.Record(2);
        Assert.That(copy.Mean, Is.EqualTo(2));
    }

    /// <summary>The copy reads MathNet's accumulator field by field: it must know every field there is.</summary>
    [Test]
    public void MathNets_accumulator_has_no_field_the_copy_leaves_out()
    {
        string[] fields = [.. typeof(RunningStatistics).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.Name).Order()];
        Assert.That(fields, Is.EqualTo(new[] { "_m1", "_m2", "_m3", "_m4", "_max", "_min", "_n" }));
    }

    private static void AssertSame(SampleStatistic actual, SampleStatistic expected)
    {
        foreach (double p in new[] { 0, 0.1, 0.5, 0.9, 0.99, 1 })
            Assert.That(actual.Quantile(p), Is.EqualTo(expected.Quantile(p)), $"quantile {p}");
        SampleStatisticState a = actual.Save(), e = expected.Save();
        Assert.That(a.Moments.Count, Is.EqualTo(e.Moments.Count));
        Assert.That(Bits(a.Moments), Is.EqualTo(Bits(e.Moments)));
        Assert.That(a.Buckets, Is.EqualTo(e.Buckets));
    }

    private static long[] Bits(MomentsState s) =>
        [.. new[] { s.Min, s.Max, s.M1, s.M2, s.M3, s.M4 }.Select(BitConverter.DoubleToInt64Bits)];
}
