using HacaSim.Analysis.Statistics;
using HdrHistogram;

namespace HacaSim.Tests.Statistics;

/// <summary>
/// SampleStatistic records into 32-bit bucket counts (IntHistogram) and moves them to 64 bits before they could
/// overflow or when something is merged into them. Neither may change a result: quantiles, saved states and merges
/// must be exactly those of 64-bit counts (a LongHistogram fed the same values, as before the change).
/// </summary>
public class SampleStatisticCountWidthTests
{
    private const long Highest = SampleStatistic.HighestTrackableMicroseconds;

    // Values over many decades (0.1 µs to days), zeros and negatives (recorded as 0 µs), with ties.
    private static double[] Values(int seed, int n)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => i % 97 == 0 ? 0 : i % 89 == 0 ? -1.5 : i % 13 == 0 ? 2.5
            : Math.Exp(rng.NextDouble() * 30 - 15))];
    }

    // The conversion SampleStatistic documents: whole microseconds, rounded half away from zero, within [0, cap].
    private static LongHistogram Reference(IEnumerable<double> values)
    {
        var h = new LongHistogram(Highest, SampleStatistic.SignificantDigits);
        foreach (double v in values)
        {
            double micros = Math.Round(v * 1e6, MidpointRounding.AwayFromZero);
            h.RecordValue(micros <= 0 ? 0 : micros >= Highest ? Highest : (long)micros);
        }
        return h;
    }

    private static readonly double[] Ps = [.. Enumerable.Range(1, 1000).Select(i => i / 1000.0)];

    private static void AssertSameAsReference(SampleStatistic s, LongHistogram reference)
    {
        var buckets = reference.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo)).ToList();
        Assert.That(s.Save().Buckets, Is.EqualTo(buckets), "saved bucket counts");
        foreach (double p in Ps)
        {
            double expected = Math.Clamp(reference.GetValueAtPercentile(p * 100) / 1e6, s.Min, s.Max);
            Assert.That(s.Quantile(p), Is.EqualTo(expected), $"p = {p}");
        }
    }

    [Test]
    public void Quantiles_read_while_recording_are_those_of_long_counts()
    {
        // Quantiles before anything saves or merges come from the recording buffer, not from a histogram.
        double[] values = Values(7, 50_000);
        var s = new SampleStatistic();
        foreach (double v in values) s.Record(v);
        LongHistogram reference = Reference(values);
        foreach (double p in Ps.Prepend(0))
            Assert.That(s.Quantile(p), Is.EqualTo(Math.Clamp(reference.GetValueAtPercentile(p * 100) / 1e6, s.Min, s.Max)), $"p = {p}");
        var merged = new SampleStatistic();
        merged.Merge(s);
        AssertSameAsReference(merged, reference);
        AssertSameAsReference(s, reference);
    }

    [Test]
    public void Int_counts_give_the_quantiles_and_saved_state_of_long_counts()
    {
        double[] values = Values(1, 50_000);
        var s = new SampleStatistic();
        foreach (double v in values) s.Record(v);
        Assert.That(s.HasIntCounts, Is.True);
        AssertSameAsReference(s, Reference(values));
    }

    [Test]
    public void Widening_past_the_count_limit_keeps_every_count([Values(1, 100, 4_999)] long limit)
    {
        double[] values = Values(2, 5_000);
        var s = new SampleStatistic(limit);
        foreach (double v in values) s.Record(v);
        Assert.That(s.HasIntCounts, Is.False, "widened");
        AssertSameAsReference(s, Reference(values));
    }

    [Test]
    public void Merging_into_int_counts_widens_and_adds_exactly()
    {
        double[] a = Values(3, 20_000), b = Values(4, 30_000);
        var left = new SampleStatistic();
        var right = new SampleStatistic();
        foreach (double v in a) left.Record(v);
        foreach (double v in b) right.Record(v);
        var fresh = new SampleStatistic();
        fresh.Merge(left);
        fresh.Merge(right);
        left.Merge(right);
        Assert.That(left.HasIntCounts, Is.False, "a merge target holds 64-bit counts");
        AssertSameAsReference(left, Reference(a.Concat(b)));
        AssertSameAsReference(fresh, Reference(a.Concat(b)));
        left.Merge(left);
        AssertSameAsReference(left, Reference(a.Concat(b).Concat(a).Concat(b)));
    }

    [Test]
    public void A_loaded_state_and_a_reset_behave_as_with_long_counts()
    {
        double[] values = Values(5, 10_000);
        var s = new SampleStatistic();
        foreach (double v in values) s.Record(v);
        var loaded = new SampleStatistic();
        loaded.Record(42); // int counts before the load
        loaded.Load(s.Save());
        AssertSameAsReference(loaded, Reference(values));
        s.Reset();
        double[] after = Values(6, 3_000);
        foreach (double v in after) s.Record(v);
        AssertSameAsReference(s, Reference(after));
    }
}
