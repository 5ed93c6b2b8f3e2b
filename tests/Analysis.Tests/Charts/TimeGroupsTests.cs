using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Records;

namespace HacaSim.Tests.Charts;

/// <summary>
/// TimeGroups must group exactly as the LINQ it replaced (GroupBy name, ordinal order; GroupBy time, ascending; rows in
/// input order), whether it takes its shortcut (one replication: times rising per name) or falls back to LINQ.
/// </summary>
public class TimeGroupsTests
{
    private static List<(string Name, List<(double Time, List<TimeSeriesRow> Rows)> Times)> Reference(IReadOnlyList<TimeSeriesRow> rows) =>
        [.. rows.GroupBy(r => r.Pool, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.GroupBy(r => r.TimeSeconds).OrderBy(t => t.Key).Select(t => (t.Key, t.ToList())).ToList()))];

    private static void AssertSameAsReference(IReadOnlyList<TimeSeriesRow> rows)
    {
        var expected = Reference(rows);
        var actual = TimeGroups.Of(rows, r => r.Pool, r => r.TimeSeconds);
        Assert.That(actual.Select(a => a.Name), Is.EqualTo(expected.Select(e => e.Name)));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.That(actual[i].Times.Select(t => t.Time), Is.EqualTo(expected[i].Times.Select(t => t.Time)), expected[i].Name);
            for (int j = 0; j < expected[i].Times.Count; j++)
                Assert.That(actual[i].Times[j].Rows, Is.EqualTo(expected[i].Times[j].Rows).AsCollection, $"{expected[i].Name} at {expected[i].Times[j].Time}");
        }
    }

    private static List<TimeSeriesRow> Sampled(int replications, int samples, params string[] pools) =>
        [.. Enumerable.Range(0, replications).SelectMany(rep => Enumerable.Range(1, samples)
            .SelectMany(k => pools.Select(p => new TimeSeriesRow(rep, k * 10.0, p, rep * 1000 + k, k % 3, k % 5))))];

    // Combine must give Of's points: the same times, and at each the value made of the same rows in the same order.
    private static void AssertCombineMatchesOf(IReadOnlyList<TimeSeriesRow> rows)
    {
        static double Combined(IReadOnlyList<TimeSeriesRow> at) => at.Aggregate(0.0, (sum, r) => sum * 31 + r.QueueLength + r.Replication / 7.0);
        var expected = TimeGroups.Of(rows, r => r.Pool, r => r.TimeSeconds);
        var actual = TimeGroups.Combine(rows, r => r.Pool, r => r.TimeSeconds, Combined);
        Assert.That(actual.Select(a => a.Name), Is.EqualTo(expected.Select(e => e.Name)));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.That(actual[i].Times, Is.EqualTo(expected[i].Times.Select(t => t.Time)).AsCollection, expected[i].Name);
            Assert.That(actual[i].Values, Is.EqualTo(expected[i].Times.Select(t => Combined(t.Rows))).AsCollection, expected[i].Name);
        }
    }

    [Test]
    public void CombineGivesThePointsOfOfForOneAndSeveralReplications()
    {
        AssertCombineMatchesOf(Sampled(1, 500, "verification", "inference", "settlement"));
        AssertCombineMatchesOf(Sampled(3, 200, "b", "a"));
        var random = new Random(11);
        var shuffled = Sampled(2, 100, "x", "y", "X").OrderBy(_ => random.Next()).ToList();
        shuffled.Add(new TimeSeriesRow(0, double.NaN, "x", 1, 1, 1));
        AssertCombineMatchesOf(shuffled);
        AssertCombineMatchesOf([new(0, 1, "p", 1, 0, 0), new(1, 1, "p", 3, 0, 0), new(0, 2, "p", 5, 0, 0)]);
    }

    [Test]
    public void OneReplicationTakesEveryRowAsItsOwnPointInTimeOrder() =>
        AssertSameAsReference(Sampled(1, 500, "verification", "inference", "settlement"));

    [Test]
    public void SeveralReplicationsGroupEqualTimesInRowOrder() => AssertSameAsReference(Sampled(3, 200, "b", "a"));

    [Test]
    public void UnsortedRepeatedAndNaNTimesMatchLinq()
    {
        var random = new Random(7);
        var rows = Sampled(2, 100, "x", "y", "X").OrderBy(_ => random.Next()).ToList();
        rows.Add(new TimeSeriesRow(0, double.NaN, "x", 1, 1, 1));
        rows.Add(new TimeSeriesRow(1, double.NaN, "x", 2, 2, 2));
        rows.Add(new TimeSeriesRow(0, -0.0, "y", 3, 3, 3));
        rows.Add(new TimeSeriesRow(1, 0.0, "y", 4, 4, 4));
        AssertSameAsReference(rows);
    }

    [Test]
    public void EqualNeighbouringTimesAreOneGroup()
    {
        // Not strictly rising: the shortcut must not make two points at one time.
        List<TimeSeriesRow> rows = [new(0, 1, "p", 1, 0, 0), new(1, 1, "p", 3, 0, 0), new(0, 2, "p", 5, 0, 0)];
        AssertSameAsReference(rows);
        Assert.That(TimeGroups.Of(rows, r => r.Pool, r => r.TimeSeconds)[0].Times, Has.Count.EqualTo(2));
    }
}
