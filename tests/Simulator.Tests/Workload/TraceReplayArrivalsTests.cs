using System.Globalization;
using HacaSim.Workload;

namespace HacaSim.Tests.Workload;

public class TraceReplayArrivalsTests
{
    private static TraceData _trace = null!;
    private static List<(double Time, int Context, int Generated)> _raw = null!;

    [OneTimeSetUp]
    public void ReadTrace()
    {
        _trace = TraceReader.Read(TestFiles.AzureConversationTrace);
        // An independent, naive parse of the same file to check the reader and the replay against.
        var lines = File.ReadAllLines(TestFiles.AzureConversationTrace);
        DateTime first = DateTime.ParseExact(lines[1].Split(',')[0], "yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        _raw = lines.Skip(1).Select(l => l.Split(',')).Select(f => (
            (DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture) - first).TotalSeconds,
            int.Parse(f[1], CultureInfo.InvariantCulture),
            int.Parse(f[2], CultureInfo.InvariantCulture))).ToList();
    }

    private static List<Arrival> Drain(IArrivalProcess process, int max = int.MaxValue)
    {
        var arrivals = new List<Arrival>();
        for (Arrival a = process.Next(); !a.IsEnd && arrivals.Count < max; a = process.Next()) arrivals.Add(a);
        return arrivals;
    }

    [Test]
    public void FullReplayYieldsEveryRowInOrderWithItsTokens()
    {
        var process = new TraceReplayArrivals(_trace);
        List<Arrival> arrivals = Drain(process);

        Assert.That(arrivals, Has.Count.EqualTo(19_366));
        Assert.That(_raw, Has.Count.EqualTo(19_366));
        for (int i = 0; i < arrivals.Count; i++)
        {
            var (time, context, generated) = _raw[i];
            if (arrivals[i].TimeSeconds != time || arrivals[i].PromptTokens != context || arrivals[i].OutputTokens != generated)
                Assert.Fail($"row {i}: replayed {arrivals[i]}, file has ({time}, {context}, {generated})");
            if (i > 0 && arrivals[i].TimeSeconds < arrivals[i - 1].TimeSeconds) Assert.Fail($"row {i} goes back in time");
        }
        Assert.That(process.Next().IsEnd, Is.True, "stays ended");
    }

    [Test]
    public void MeasuredRateAndCvMatchTheReadme()
    {
        var process = new TraceReplayArrivals(_trace);
        double[] times = Drain(process).Select(a => a.TimeSeconds).ToArray();
        double[] gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        double meanGap = gaps.Average();
        double sd = Math.Sqrt(gaps.Sum(g => (g - meanGap) * (g - meanGap)) / (gaps.Length - 1));
        double cv = sd / meanGap;
        double span = times[^1] - times[0];
        TestContext.Out.WriteLine(
            $"rows {times.Length}, span {span:F3} s, rate {process.MeanRatePerSecond:F4}/s (rows/period), " +
            $"{times.Length / span:F4}/s (rows/span), inter-arrival CV {cv:F4}, mean context " +
            $"{_raw.Average(r => r.Context):F1}, mean generated {_raw.Average(r => r.Generated):F1}");

        // The figures stated in Scenarios/traces/README.md.
        Assert.Multiple(() =>
        {
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(5.53).Within(0.01));
            Assert.That(cv, Is.EqualTo(1.09).Within(0.01));
            Assert.That(span, Is.EqualTo(3502).Within(0.5));
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(times.Length / (span + meanGap)).Within(1e-9));
        });
    }

    [Test]
    public void TimeScaleTwoHalvesTheSpan()
    {
        List<Arrival> arrivals = Drain(new TraceReplayArrivals(_trace, timeScale: 2));
        Assert.That(arrivals, Has.Count.EqualTo(19_366));
        Assert.That(arrivals[^1].TimeSeconds, Is.EqualTo(_trace.SpanSeconds / 2));
        Assert.That(arrivals[1000].TimeSeconds, Is.EqualTo(_raw[1000].Time / 2));
    }

    [Test]
    public void OffsetAndLimitSelectTheRightRows()
    {
        const double offset = 1000;
        const int limit = 500;
        int first = _raw.FindIndex(r => r.Time >= offset);
        var process = new TraceReplayArrivals(_trace, startOffsetSeconds: offset, limit: limit);
        List<Arrival> arrivals = Drain(process);

        Assert.That(_raw[first - 1].Time, Is.LessThan(offset));
        Assert.That(arrivals, Has.Count.EqualTo(limit));
        Assert.That(process.RowsPerPass, Is.EqualTo(limit));
        for (int i = 0; i < limit; i++)
        {
            var (time, context, generated) = _raw[first + i];
            Assert.That(arrivals[i], Is.EqualTo(new Arrival(time - offset, context, generated)), $"arrival {i}");
        }
    }

    [Test]
    public void LimitBeyondTheEndUsesTheRemainingRows()
    {
        var process = new TraceReplayArrivals(_trace, startOffsetSeconds: 3500, limit: 1_000_000);
        Assert.That(Drain(process), Has.Count.EqualTo(_raw.Count(r => r.Time >= 3500)));
    }

    [Test]
    public void LoopRepeatsWithOnePeriodShift()
    {
        const double scale = 2, offset = 100;
        const int limit = 300;
        var process = new TraceReplayArrivals(_trace, scale, offset, limit, loop: true);
        List<Arrival> arrivals = Drain(process, 3 * limit);

        int first = _raw.FindIndex(r => r.Time >= offset);
        double span = _raw[first + limit - 1].Time - _raw[first].Time;
        double expectedPeriod = (span + span / (limit - 1)) / scale;
        Assert.Multiple(() =>
        {
            Assert.That(process.PeriodSeconds, Is.EqualTo(expectedPeriod).Within(1e-12));
            Assert.That(process.MeanRatePerSecond, Is.EqualTo(limit / expectedPeriod).Within(1e-12));
            for (int pass = 1; pass < 3; pass++)
                for (int i = 0; i < limit; i++)
                {
                    Arrival a = arrivals[pass * limit + i], b = arrivals[i];
                    Assert.That(a, Is.EqualTo(b with { TimeSeconds = b.TimeSeconds + pass * process.PeriodSeconds }), $"pass {pass}, row {i}");
                }
            // The seam gap is the mean gap, so passes never overlap.
            Assert.That(arrivals[limit].TimeSeconds - arrivals[limit - 1].TimeSeconds,
                Is.EqualTo(span / (limit - 1) / scale).Within(1e-9));
        });
    }

    [Test]
    public void RejectsInvalidParameters()
    {
        var single = new TraceData([0], [1], [1], "one-row");
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => new TraceReplayArrivals(_trace, timeScale: 0));
            Assert.Throws<ArgumentException>(() => new TraceReplayArrivals(_trace, startOffsetSeconds: -1));
            Assert.Throws<ArgumentException>(() => new TraceReplayArrivals(_trace, startOffsetSeconds: 4000), "offset after the last row");
            Assert.Throws<ArgumentException>(() => new TraceReplayArrivals(_trace, limit: 0));
            Assert.Throws<ArgumentException>(() => new TraceReplayArrivals(single, loop: true), "one row cannot loop");
            Assert.That(Drain(new TraceReplayArrivals(single)), Has.Count.EqualTo(1));
        });
    }
}
