using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Sweep;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// The sweep's "knee:" and "knee interval:" lines come from one source, the judge's three-state proof-backlog verdicts
/// (issue 14): the knee is the interval's last stable value.
/// The trend test's boolean (sweep.csv's proof_backlogs_stable) no longer decides the knee.
/// </summary>
public class KneeConsistencyTests
{
    private static SweepPoint Point(int i, string rate, StabilityState state, bool trendStable) =>
        new(new GridPoint(i, [("arrival_rate", rate)]), [], [("prover", trendStable)], ["prover"], null!)
        {
            Verdicts = [("prover", state)],
        };

    private static SweepResult Sweep(params SweepPoint[] points) => new("t", [new SweepParameter("arrival_rate", [.. points.Select(p => p.Point.Values[0].Value)])], points);

    [Test]
    public void The_knee_follows_the_verdicts_not_the_trend_boolean()
    {
        // The trend boolean calls 8 and 10 stable, the judge calls them critical and unstable: the knee follows the judge
        // (the old rule, the trend boolean, gave 10).
        var sweep = Sweep(Point(0, "6", StabilityState.Stable, true), Point(1, "8", StabilityState.Critical, true),
            Point(2, "10", StabilityState.Unstable, true), Point(3, "12", StabilityState.Unstable, false));
        var knee = sweep.Knees().Single();
        var interval = sweep.KneeIntervals().Single();
        Assert.Multiple(() =>
        {
            Assert.That(knee.Value, Is.EqualTo("6"));
            Assert.That(knee.AllStable, Is.False);
            Assert.That(knee.Critical, Is.True);
            Assert.That(interval.LastStable, Is.EqualTo("6"));
            Assert.That(interval.FirstUnstable, Is.EqualTo("10"));
        });
    }

    [Test]
    public void The_knee_lies_in_the_interval_for_every_pattern_of_verdicts()
    {
        var states = new[] { StabilityState.Stable, StabilityState.Critical, StabilityState.Unstable };
        string[] rates = ["1", "2", "3", "4"];
        // Every assignment of the three states to four points (3^4 patterns), with the trend boolean the opposite of the verdict.
        for (int code = 0; code < 81; code++)
        {
            var points = rates.Select((r, i) => states[code / (int)Math.Pow(3, i) % 3] is var s
                ? Point(i, r, s, s != StabilityState.Stable) : null!).ToArray();
            var sweep = Sweep(points);
            var knee = sweep.Knees().Single();
            var interval = sweep.KneeIntervals().Single();
            int firstUnstable = Array.FindIndex(points, p => p.ProofVerdict == StabilityState.Unstable);
            int stableBefore = Array.FindLastIndex(points[..(firstUnstable < 0 ? points.Length : firstUnstable)], p => p.ProofVerdict == StabilityState.Stable);
            string? expected = stableBefore < 0 ? null : rates[stableBefore];
            Assert.That(knee.Value, Is.EqualTo(expected), $"pattern {code}");
            Assert.That(knee.Value, Is.EqualTo(interval.LastStable), $"pattern {code}: the knee line and the interval line agree");
            Assert.That(knee.AllStable, Is.EqualTo(points.All(p => p.ProofVerdict == StabilityState.Stable)), $"pattern {code}");
            if (interval.LastStable is { } lastStable && knee.Value is { } k)
                Assert.That(double.Parse(k), Is.GreaterThanOrEqualTo(double.Parse(lastStable)), $"pattern {code}");
            if (interval.FirstUnstable is { } u && knee.Value is { } k2)
                Assert.That(double.Parse(k2), Is.LessThan(double.Parse(u)), $"pattern {code}");
        }
    }
}
