using HacaSim.Randomness;

namespace HacaSim.Tests.Randomness;

public class Xoshiro256StarStarTests
{
    [Test]
    public void Matches_the_reference_implementation_from_a_known_state()
    {
        // Outputs of Vigna's xoshiro256starstar.c from state {1, 2, 3, 4}.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        Assert.That(new[] { rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64() },
            Is.EqualTo(new ulong[] { 11520, 0, 1509978240, 1215971899390074240 }));
    }

    [Test]
    public void Doubles_are_uniform_on_the_unit_interval()
    {
        var rng = new Xoshiro256StarStar(123);
        const int n = 200_000, bins = 20;
        var counts = new int[bins];
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.That(u, Is.GreaterThanOrEqualTo(0).And.LessThan(1));
            counts[(int)(u * bins)]++;
        }
        double expected = (double)n / bins;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // 99.9% point of chi-square with 19 degrees of freedom is 43.8.
        Assert.That(chiSquare, Is.LessThan(43.8));
    }

    [Test]
    public void Bounded_integers_are_unbiased_and_in_range()
    {
        var rng = new Xoshiro256StarStar(5);
        var counts = new int[3];
        for (int i = 0; i < 300_000; i++) counts[rng.Next(3)]++;
        Assert.That(counts, Has.All.InRange(99_000, 101_000));
        Assert.That(rng.Next(10, 11), Is.EqualTo(10));
    }
}
