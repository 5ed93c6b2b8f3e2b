using HacaSim.Analysis.Statistics;
using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// A path's result latency and time to trust share one statistic while every request's two values were the same in the
/// same order (PathMetrics): each must still be exactly a statistic that recorded its own observations, whatever mix of
/// zero and non-zero proof lags, overlapping requests, failures after the result and mid-run reads comes.
/// </summary>
public class ResultLatencySharingTests
{
    [Test]
    public void Each_statistic_is_its_own_observations([Range(1, 80)] int seed)
    {
        var rng = new Random(seed);
        var metrics = new RunMetrics(warmupSeconds: 2);
        RequestClass c = new(0, "c", new FixedCostInference(new DeterministicDistribution(1)), 0, null,
            new Dictionary<VerificationPath, double> { [VerificationPath.Vanilla] = 1 }, new Random(1));
        var resultLatency = new SampleStatistic();
        var timeToTrust = new SampleStatistic();
        var open = new List<Request>();
        // Long stretches of one request at a time with no proof lag (the sharing case), then, from a random point on, overlaps and lags.
        int mixAt = rng.Next(0, 300);
        for (int i = 0; i < 300; i++)
        {
            bool mixed = i >= mixAt;
            var r = new Request(i, c, arrivalSeconds: i * 0.02) { Path = VerificationPath.Vanilla };
            metrics.OnArrival(r);
            r.ResultSeconds = r.ArrivalSeconds + rng.NextDouble();
            metrics.OnResult(r);
            if (r.Counted) resultLatency.Record(r.ResultSeconds - r.ArrivalSeconds);
            open.Add(r);
            // Settle (or fail) the open requests: all at once with no lag, or some of them, in any order, with or without lag.
            while (open.Count > 0 && (!mixed || rng.Next(3) != 0))
            {
                Request s = open[mixed ? rng.Next(open.Count) : 0];
                open.Remove(s);
                if (mixed && rng.Next(8) == 0) continue; // failed after its result: never settles
                s.FinalSeconds = mixed && rng.Next(2) == 0 ? s.ResultSeconds + rng.NextDouble() : s.ResultSeconds;
                s.Outcome = RequestOutcome.Settled;
                metrics.OnSettled(s);
                if (s.Counted) timeToTrust.Record(s.FinalSeconds - s.ArrivalSeconds);
            }
            if (rng.Next(200) == 0) _ = metrics.Path(VerificationPath.Vanilla).ResultLatency.Count; // a read mid-run ends the sharing
        }
        PathMetrics m = metrics.Path(VerificationPath.Vanilla);
        AssertSame(m.TimeToTrust, timeToTrust, "time to trust");
        AssertSame(m.ResultLatency, resultLatency, "result latency");
        AssertSame(metrics.Classes[0].TimeToTrust, timeToTrust, "the class's time to trust");
    }

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
