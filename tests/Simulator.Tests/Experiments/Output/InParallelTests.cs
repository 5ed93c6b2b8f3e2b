using HacaSim.Experiments.Output;

namespace HacaSim.Tests.Experiments.Output;

/// <summary>
/// Issue 19: a run's output writers run side by side, but never more of them than there are cores. Chart writers block
/// (fonts, PNG encoding), and the caller's thread plus the pool's lent threads then drew more charts at once than the
/// machine could run, each with a 3.4 MB bitmap alive, so the peak memory of identical runs varied by 10 MB.
/// </summary>
public class InParallelTests
{
    [Test]
    public void Writers_run_side_by_side_but_never_more_than_one_per_core()
    {
        int running = 0, most = 0, ran = 0;
        var writers = Enumerable.Range(0, 8).Select(_ => (Action)(() =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(150); // a writer that blocks, as a chart does on its fonts and its encoding
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref ran);
        })).ToArray();

        RunOutputs.InParallel(writers);

        Assert.Multiple(() =>
        {
            Assert.That(ran, Is.EqualTo(8), "every writer ran");
            Assert.That(most, Is.LessThanOrEqualTo(Environment.ProcessorCount), "writers at once");
            Assert.That(most, Is.GreaterThanOrEqualTo(Math.Min(2, Environment.ProcessorCount)), "writers at once: still in parallel");
        });
    }

    [Test]
    public void A_failing_writer_surfaces_as_itself()
    {
        var e = Assert.Throws<IOException>(() => RunOutputs.InParallel(() => { }, () => throw new IOException("disk full"), () => { }));
        Assert.That(e!.Message, Is.EqualTo("disk full"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
