using HacaSim.Model;

namespace HacaSim.Tests.Model;

/// <summary>
/// Pool.ChooseDistinct lets a dispatcher pick from a list with its earlier picks left out, without copying
/// the list: the view must show exactly what a copy with the same removals shows, or k-of-n verification
/// would pick other nodes and runs would no longer be byte-identical.
/// </summary>
public class ListWithoutTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(9)]
    [TestCase(100)]
    public void Shows_what_a_copy_with_the_same_removals_shows(int n)
    {
        var rng = new Random(n);
        var items = Enumerable.Range(0, n).Select(i => i * 10).ToList();
        var view = new ListWithout<int>();
        for (int round = 0; round < 200; round++)
        {
            view.Reset(items);
            var copy = new List<int>(items);
            int removals = rng.Next(n);
            for (int r = 0; r < removals; r++)
            {
                int at = rng.Next(copy.Count);
                Assert.That(view[at], Is.EqualTo(copy[at]), $"round {round}, removal {r}");
                view.RemoveAt(at);
                copy.RemoveAt(at);
                Assert.That(view, Is.EqualTo(copy), $"round {round}, after removal {r}");
                Assert.That(view.Count, Is.EqualTo(copy.Count));
            }
        }
    }

    [Test]
    public void Refuses_an_index_past_the_items_left()
    {
        var view = new ListWithout<int>();
        view.Reset([1, 2, 3]);
        view.RemoveAt(1);
        Assert.That(view[1], Is.EqualTo(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = view[2]);
    }
}
