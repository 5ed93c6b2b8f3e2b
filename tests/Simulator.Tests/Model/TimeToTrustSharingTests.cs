using HacaSim.Analysis.Statistics;
using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// RunMetrics records a class's time to trust in its path's statistic alone while every measured settlement so far was of
/// that class on that path (the same observations in the same order): each class's statistic must still be exactly one
/// that recorded its own observations, whatever mix of classes, paths and warm-up comes, and when read mid-run.
/// </summary>
public class TimeToTrustSharingTests
{
    [Test]
    public void Each_class_statistic_is_its_own_observations([Range(1, 60)] int seed)
    {
        var rng = new Random(seed);
        const double warmup = 5;
        var metrics = new RunMetrics(warmup);
        int classes = rng.Next(1, 3);
        VerificationPath[] paths = [.. VerificationPaths.All.Take(rng.Next(1, 3))];
        RequestClass[] kinds = [.. Enumerable.Range(0, classes).Select(i => Class(i))];
        var reference = new Dictionary<int, SampleStatistic>();
        // Most runs stay on one class and path for a long time, then change (or never do): where sharing must end.
        int changeAt = rng.Next(0, 400);
        for (int i = 0; i < 400; i++)
        {
            bool mixed = i >= changeAt;
            var r = new Request(i, kinds[mixed ? rng.Next(classes) : 0], arrivalSeconds: i * 0.05)
            {
                Path = mixed ? paths[rng.Next(paths.Length)] : paths[0],
            };
            r.ResultSeconds = r.ArrivalSeconds + rng.NextDouble();
            r.FinalSeconds = r.ResultSeconds + (rng.Next(3) == 0 ? 0 : rng.NextDouble());
            r.Outcome = RequestOutcome.Settled;
            metrics.OnArrival(r);
            metrics.OnSettled(r);
            if (r.ArrivalSeconds >= warmup)
            {
                if (!reference.TryGetValue(r.Class.Index, out SampleStatistic? s)) reference[r.Class.Index] = s = new SampleStatistic();
                s.Record(r.FinalSeconds - r.ArrivalSeconds);
            }
            // A read mid-run takes the class's own copy; recording must go on into it.
            if (rng.Next(150) == 0) _ = metrics.Class(rng.Next(classes)).TimeToTrust.Count;
        }
        for (int k = 0; k < metrics.Classes.Count; k++)
            AssertSame(metrics.Classes[k].TimeToTrust, reference.GetValueOrDefault(k) ?? new SampleStatistic(), $"class {k}");
    }

    [Test]
    public void A_single_class_on_a_single_path_records_once()
    {
        var metrics = new RunMetrics(0);
        RequestClass c = Class(0);
        for (int i = 0; i < 10; i++)
        {
            var r = new Request(i, c, i) { Path = VerificationPath.Vanilla, ResultSeconds = i + 1, FinalSeconds = i + 2, Outcome = RequestOutcome.Settled };
            metrics.OnArrival(r);
            metrics.OnSettled(r);
        }
        Assert.That(metrics.Classes[0].SharesTimeToTrustWith(metrics.Path(VerificationPath.Vanilla).TimeToTrust), Is.True);
        Assert.That(metrics.Classes[0].TimeToTrust, Is.Not.SameAs(metrics.Path(VerificationPath.Vanilla).TimeToTrust), "read: a copy");
        Assert.That(metrics.Classes[0].TimeToTrust.Mean, Is.EqualTo(2));
    }

    private static RequestClass Class(int index) =>
        new(index, $"c{index}", new FixedCostInference(new DeterministicDistribution(1)), 0, null,
            new Dictionary<VerificationPath, double> { [VerificationPath.Vanilla] = 1 }, new Random(1));

    private static void AssertSame(SampleStatistic actual, SampleStatistic expected, string what)
    {
        SampleStatisticState a = actual.Save(), e = expected.Save();
        Assert.That(a.Moments.Count, Is.EqualTo(e.Moments.Count), what);
        Assert.That(Bits(a.Moments), Is.EqualTo(Bits(e.Moments)), what);
        Assert.That(a.Buckets, Is.EqualTo(e.Buckets), what);
    }

    private static long[] Bits(MomentsState s) =>
        [.. new[] { s.Min, s.Max, s.M1, s.M2, s.M3, s.M4 }.Select(BitConverter.DoubleToInt64Bits)];
}
