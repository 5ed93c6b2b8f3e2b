using HacaSim.Engine;

namespace HacaSim.Tests.Engine;

/// <summary>
/// The sharing station's sorted array of jobs in service against what it replaced: a SortedSet with the same comparer
/// (finish, then sequence), under a random mix of the operations the station performs, with many equal finishes so
/// the tie-break is exercised.
/// </summary>
public class SharingStationInServiceTests
{
    private sealed class Job(int id)
    {
        public int Id { get; } = id;
    }

    private sealed class ByFinishThenSequence : IComparer<SharingStationRunning<Job>>
    {
        public int Compare(SharingStationRunning<Job> a, SharingStationRunning<Job> b)
        {
            int c = a.Finish.CompareTo(b.Finish);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_random_mix_of_adds_and_removals_matches_a_sorted_set(int seed)
    {
        var rng = new Random(seed);
        var reference = new SortedSet<SharingStationRunning<Job>>(new ByFinishThenSequence());
        var set = new SharingStationInService<Job>();
        long sequence = 0;
        for (int step = 0; step < 20_000; step++)
        {
            int op = rng.Next(10);
            if (op < 5 || reference.Count == 0)
            {
                // Finishes from a few values (ties) or continuous ones; sequences rising, as the station numbers starts.
                double finish = rng.Next(2) == 0 ? rng.Next(4) : rng.NextDouble() * 4;
                var entry = new SharingStationRunning<Job>(new Job(step), step, 0, 0, finish, sequence++);
                reference.Add(entry);
                set.Add(entry);
            }
            else if (op < 9)
            {
                SharingStationRunning<Job> expected = reference.Min;
                reference.Remove(expected);
                Assert.That(set.RemoveMin().Job, Is.SameAs(expected.Job), $"step {step}: first to finish");
            }
            else
            {
                SharingStationRunning<Job> expected = reference.Max;
                reference.Remove(expected);
                Assert.That(set.RemoveMax().Job, Is.SameAs(expected.Job), $"step {step}: last to finish");
            }
            Assert.That(set.Count, Is.EqualTo(reference.Count));
            if (reference.Count > 0)
            {
                Assert.That(set.Min.Job, Is.SameAs(reference.Min.Job), $"step {step}: min");
                Assert.That(set.Max.Job, Is.SameAs(reference.Max.Job), $"step {step}: max");
            }
            if (step % 97 == 0) Assert.That(Enumerate(set), Is.EqualTo(reference.Select(r => r.Job.Id)), $"step {step}: order");
        }
        set.Clear();
        Assert.That(set.Count, Is.Zero);
    }

    [Test]
    public void Adding_and_removing_at_a_steady_size_allocates_nothing()
    {
        var set = new SharingStationInService<Job>();
        var jobs = Enumerable.Range(0, 16).Select(i => new Job(i)).ToArray();
        long sequence = 0;
        for (int i = 0; i < 16; i++) set.Add(new SharingStationRunning<Job>(jobs[i], 0, 0, 0, i, sequence++));
        long allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                SharingStationRunning<Job> done = set.RemoveMin();
                set.Add(done with { Finish = done.Finish + 16, Sequence = sequence++ });
            }
        });
        Assert.That(allocated, Is.Zero);
    }

    private static List<int> Enumerate(SharingStationInService<Job> set)
    {
        var ids = new List<int>(set.Count);
        for (int i = 0; i < set.Count; i++) ids.Add(set[i].Job.Id);
        return ids;
    }
}
