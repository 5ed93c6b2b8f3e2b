using HacaSim.Analysis.Statistics;
using MathNet.Numerics.Statistics;

namespace HacaSim.Tests.Statistics;

/// <summary>
/// SampleStatistic skips MathNet's moment arithmetic for a zero after nothing but zeros: its moments must stay exactly
/// those of <see cref="RunningStatistics.Push"/> on the same values, every field bit for bit (+0 and -0 apart), whatever
/// mix of zeros, negative zeros and other values comes, and after merges and loads.
/// </summary>
public class SampleStatisticZeroTests
{
    private static readonly double[][] Sequences =
    [
        [0, 0, 0, 0],
        [-0.0, 0, -0.0, 0, 0],
        [0, -0.0, 0],
        [0, 0, 1.5, 0, 0, 2.25, 0],
        [-0.0, -0.0, 3, -0.0],
        [2, 0, 0, 0],
        [0, 1e-7, 0, -1e-9, 0],
        [-1, 0, 0, 1, 0],
    ];

    [TestCaseSource(nameof(Cases))]
    public void Moments_are_MathNets_bit_for_bit(double[] values)
    {
        // Each prefix in a statistic of its own, saved once at its end: a save moves the recorded counts out of the
        // buffer, and the next value then takes the path of a first value.
        for (int k = 1; k <= values.Length; k++)
        {
            var statistic = new SampleStatistic();
            var reference = new RunningStatistics();
            var histogram = new HdrHistogram.LongHistogram(SampleStatistic.HighestTrackableMicroseconds, SampleStatistic.SignificantDigits);
            foreach (double v in values.Take(k))
            {
                statistic.Record(v);
                reference.Push(v);
                histogram.RecordValue(Micros(v));
            }
            SampleStatisticState saved = statistic.Save();
            AssertSameBits(saved.Moments, RunningMoments.Save(reference));
            Assert.That(saved.Buckets, Is.EqualTo(Buckets(histogram)), "the histogram's buckets");
        }
    }

    // SampleStatistic's histogram: whole microseconds, negative values at 0.
    private static long Micros(double seconds) => Math.Max(0, (long)Math.Round(seconds * 1e6, MidpointRounding.AwayFromZero));

    private static List<(long Value, long Count)> Buckets(HdrHistogram.LongHistogram h) =>
        [.. h.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo))];

    [Test]
    public void Random_mixes_of_zeros_and_values_are_MathNets_bit_for_bit()
    {
        var rng = new Random(7);
        for (int run = 0; run < 200; run++)
        {
            var statistic = new SampleStatistic();
            var reference = new RunningStatistics();
            int zeros = rng.Next(0, 6);
            for (int i = 0; i < zeros + 20; i++)
            {
                double v = i < zeros || rng.Next(3) == 0 ? (rng.Next(2) == 0 ? 0.0 : -0.0) : rng.NextDouble() * 4 - 1;
                statistic.Record(v);
                reference.Push(v);
            }
            AssertSameBits(statistic.Save().Moments, RunningMoments.Save(reference));
        }
    }

    [Test]
    public void Zeros_after_a_merge_or_a_load_of_zeros_are_MathNets_bit_for_bit()
    {
        var a = new SampleStatistic();
        var b = new SampleStatistic();
        foreach (double v in new[] { 0.0, -0.0, 0.0 }) a.Record(v);
        foreach (double v in new[] { -0.0, 0.0 }) b.Record(v);
        var merged = new SampleStatistic();
        merged.Merge(a);
        merged.Merge(b);
        var loaded = new SampleStatistic();
        loaded.Load(merged.Save());
        RunningStatistics reference = RunningStatistics.Combine(RunningStatistics.Combine(new RunningStatistics(), Pushed(0.0, -0.0, 0.0)), Pushed(-0.0, 0.0));
        foreach (double v in new[] { 0.0, -0.0, 0.0, 5.0, 0.0 })
        {
            merged.Record(v);
            loaded.Record(v);
            reference.Push(v);
            AssertSameBits(merged.Save().Moments, RunningMoments.Save(reference));
            AssertSameBits(loaded.Save().Moments, RunningMoments.Save(reference));
        }
    }

    private static IEnumerable<TestCaseData> Cases() => Sequences.Select((s, i) => new TestCaseData(s).SetName($"Zeros_sequence_{i}_moments_are_MathNets_bit_for_bit"));

    private static RunningStatistics Pushed(params double[] values)
    {
        var r = new RunningStatistics();
        foreach (double v in values) r.Push(v);
        return r;
    }

    private static void AssertSameBits(MomentsState actual, MomentsState expected)
    {
        Assert.That(actual.Count, Is.EqualTo(expected.Count));
        Assert.That(Bits(actual), Is.EqualTo(Bits(expected)));
    }

    private static long[] Bits(MomentsState s) =>
        [.. new[] { s.Min, s.Max, s.M1, s.M2, s.M3, s.M4 }.Select(BitConverter.DoubleToInt64Bits)];
}
