using HacaSim.Analysis.Statistics;
using HdrHistogram;

namespace HacaSim.Tests.Statistics;

/// <summary>
/// HistogramBuffer must put every value in the bucket HdrHistogram puts it in (same layout, same index arithmetic),
/// or quantiles and saved states would move. Checked against HdrHistogram's own LowestEquivalentValue on every bucket
/// and on values over the whole range, bucket edges included.
/// </summary>
public class HistogramBufferTests
{
    private static readonly LongHistogram Reference = new(SampleStatistic.HighestTrackableMicroseconds, SampleStatistic.SignificantDigits);

    [Test]
    public void The_buffer_has_HdrHistograms_number_of_buckets() =>
        Assert.That((Reference.GetEstimatedFootprintInBytes() - 512) / sizeof(long), Is.EqualTo(HistogramBuffer.Length));

    [Test]
    public void The_geometry_constants_are_HistogramBases_formulas_for_the_statistics_range_and_digits()
    {
        // The formulas (HistogramBase's) as the actual values, the constants as the expected ones.
        int magnitude = (int)Math.Ceiling(Math.Log(2 * Math.Pow(10, SampleStatistic.SignificantDigits)) / Math.Log(2)) - 1;
        Assert.That(magnitude, Is.EqualTo(HistogramBuffer.SubBucketHalfCountMagnitude));
        Assert.That(1 << magnitude, Is.EqualTo(HistogramBuffer.SubBucketHalfCount));
        Assert.That((2L << magnitude) - 1, Is.EqualTo(HistogramBuffer.SubBucketMask));
        Assert.That(64 - (magnitude + 1), Is.EqualTo(HistogramBuffer.BucketIndexOffset));
        Assert.That((HistogramBuffer.BucketsToCover(SampleStatistic.HighestTrackableMicroseconds) + 1) << magnitude, Is.EqualTo(HistogramBuffer.Length));
    }

    [Test]
    public void Every_bucket_starts_where_HdrHistogram_starts_it_and_maps_back_to_itself()
    {
        for (int i = 0; i < HistogramBuffer.Length; i++)
        {
            long lowest = HistogramBuffer.LowestValue(i);
            if (lowest > SampleStatistic.HighestTrackableMicroseconds) break; // the last bucket's tail is beyond the range
            Assert.That(Reference.LowestEquivalentValue(lowest), Is.EqualTo(lowest), $"bucket {i}");
            Assert.That(HistogramBuffer.IndexOf(lowest), Is.EqualTo(i), $"bucket {i}");
        }
    }

    [Test]
    public void Values_over_the_whole_range_fall_in_HdrHistograms_bucket()
    {
        var rng = new Random(3);
        var values = new List<long> { 0, 1, 2, 1023, 1024, 2047, 2048, 2049, 4095, 4096, SampleStatistic.HighestTrackableMicroseconds };
        for (int shift = 0; shift < 40; shift++)
        {
            long edge = 1L << shift;
            values.AddRange([edge - 1, edge, edge + 1]);
        }
        for (int i = 0; i < 200_000; i++) values.Add((long)Math.Exp(rng.NextDouble() * Math.Log(SampleStatistic.HighestTrackableMicroseconds)));
        foreach (long v in values.Where(v => v >= 0 && v <= SampleStatistic.HighestTrackableMicroseconds))
            Assert.That(HistogramBuffer.LowestValue(HistogramBuffer.IndexOf(v)), Is.EqualTo(Reference.LowestEquivalentValue(v)), $"value {v}");
    }

    [Test]
    public void Its_counts_and_quantiles_are_those_of_recording_directly()
    {
        var rng = new Random(5);
        var buffer = new HistogramBuffer();
        var direct = new LongHistogram(SampleStatistic.HighestTrackableMicroseconds, SampleStatistic.SignificantDigits);
        for (int i = 0; i < 100_000; i++)
        {
            long v = (long)Math.Exp(rng.NextDouble() * 25);
            buffer.Add(v);
            direct.RecordValue(v);
        }
        var moved = new LongHistogram(SampleStatistic.HighestTrackableMicroseconds, SampleStatistic.SignificantDigits);
        buffer.AddTo(moved);
        Assert.Multiple(() =>
        {
            Assert.That(buffer.Total, Is.EqualTo(100_000), "AddTo leaves the buffer as it was");
            Assert.That(moved.TotalCount, Is.EqualTo(direct.TotalCount));
            Assert.That(moved.RecordedValues().Select(x => (x.ValueIteratedTo, x.CountAtValueIteratedTo)),
                Is.EqualTo(direct.RecordedValues().Select(x => (x.ValueIteratedTo, x.CountAtValueIteratedTo))));
            foreach (double percentile in Enumerable.Range(0, 2001).Select(i => i / 20.0).Append(99.999).Append(1e-9))
                Assert.That(buffer.ValueAtPercentile(percentile), Is.EqualTo(direct.GetValueAtPercentile(percentile)), $"percentile {percentile}");
        });
    }

    [Test]
    public void It_grows_only_to_the_block_of_the_largest_value_seen()
    {
        var buffer = new HistogramBuffer();
        int initial = buffer.Capacity;
        buffer.Add(30_000); // 30 ms: within the first blocks
        Assert.That(buffer.Capacity, Is.EqualTo(initial));
        buffer.Add(60_000_000); // a minute
        int minute = buffer.Capacity;
        Assert.That(minute, Is.GreaterThan(initial).And.LessThan(HistogramBuffer.Length));
        Assert.That(minute, Is.EqualTo((HistogramBuffer.IndexOf(60_000_000) / 1024 + 1) * 1024));
        buffer.Add(SampleStatistic.HighestTrackableMicroseconds);
        Assert.That(buffer.Capacity, Is.EqualTo(HistogramBuffer.Length));
        Assert.That(initial * sizeof(int), Is.LessThan(85_000), "a new buffer stays off the large-object heap");
    }
}
