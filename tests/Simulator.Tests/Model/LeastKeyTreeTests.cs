using HacaSim.Model;
using HacaSim.Policies;

namespace HacaSim.Tests.Model;

/// <summary>
/// The JSQ tournament tree must pick exactly what the scan it replaces picks (the first strictly smallest
/// key in index order), after any sequence of key changes, or runs would no longer be byte-identical.
/// </summary>
public class LeastKeyTreeTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    [TestCase(64)]
    [TestCase(1000)]
    public void Picks_what_a_scan_picks_after_every_change(int n)
    {
        var rng = new Random(n);
        var tree = new LeastKeyTree(n);
        var keys = new double[n];
        Array.Fill(keys, double.PositiveInfinity);
        for (int step = 0; step < 20_000; step++)
        {
            int i = rng.Next(n);
            // Few distinct values, so ties are the common case; now and then a node "goes down" (+infinity).
            double key = rng.Next(10) == 0 ? double.PositiveInfinity : rng.Next(4) / (double)(1 + rng.Next(3));
            keys[i] = key;
            tree.Set(i, key);
            if (step % 97 == 0) AssertEveryNodeAsBuiltAfresh(tree, keys, step);
            if (keys.All(double.IsPositiveInfinity)) continue;
            Assert.That(tree.Least, Is.EqualTo(Scan(keys)), $"step {step}");
        }
    }

    // Set stops walking up once a node's winner is unchanged: every inner node (read by searches that prune subtrees,
    // WinnerUnder) must still hold the scan's pick over the positions under it.
    private static void AssertEveryNodeAsBuiltAfresh(LeastKeyTree tree, double[] keys, int step)
    {
        for (int node = 1; node < tree.Leaves; node++)
        {
            int lo = node, hi = node;
            while (lo < tree.Leaves) (lo, hi) = (2 * lo, 2 * hi + 1);
            int best = lo - tree.Leaves;
            for (int position = best + 1; position <= hi - tree.Leaves; position++)
                if (Key(position) < Key(best)) best = position;
            Assert.That(tree.WinnerUnder(node), Is.EqualTo(best), $"step {step}, node {node}");
        }

        double Key(int position) => position < keys.Length ? keys[position] : double.PositiveInfinity;
    }

    [Test]
    public void Ties_go_to_the_lowest_position()
    {
        var tree = new LeastKeyTree(5);
        for (int i = 4; i >= 0; i--) tree.Set(i, 1.0);
        Assert.That(tree.Least, Is.EqualTo(0));
        tree.Set(0, 2.0);
        Assert.That(tree.Least, Is.EqualTo(1));
        tree.Set(3, 0.5);
        Assert.That(tree.Least, Is.EqualTo(3));
    }

    // NodeLoad.IndexOfLeast's rule: the first index with a strictly smaller key.
    private static int Scan(double[] keys)
    {
        int best = 0;
        double bestKey = double.PositiveInfinity;
        for (int i = 0; i < keys.Length; i++)
            if (keys[i] < bestKey) (best, bestKey) = (i, keys[i]);
        return best;
    }
}
