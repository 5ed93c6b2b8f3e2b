using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Tests.Sensitivity;

public class SobolSequenceTests
{
    [Test]
    public void Unscrambled_points_are_Joe_and_Kuos()
    {
        // The first ten 3-d points of Joe and Kuo's generator with new-joe-kuo-6.21201 (as their sobol.cc prints them).
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375], [0.6875, 0.8125, 0.4375],
        ];
        Assert.That(new SobolSequence(3, null).Points(10), Is.EqualTo(expected));
    }

    [Test]
    public void Every_dimension_of_the_plain_sequence_puts_one_point_in_each_of_2_to_the_m_strata()
    {
        // A (t, m, s)-net property every Sobol dimension has on its own: the first 2^m points are one per interval [i/2^m, (i+1)/2^m).
        double[][] points = new SobolSequence(64, null).Points(256);
        for (int d = 0; d < 64; d++)
            Assert.That(points.Select(p => (int)(p[d] * 256)).Distinct().Count(), Is.EqualTo(256), $"dimension {d + 1}");
    }

    [Test]
    public void The_scramble_keeps_the_stratification_and_moves_the_points()
    {
        double[][] plain = new SobolSequence(8, null).Points(128);
        double[][] scrambled = new SobolSequence(8, new Random(42)).Points(128);
        for (int d = 0; d < 8; d++)
            Assert.That(scrambled.Select(p => (int)(p[d] * 128)).Distinct().Count(), Is.EqualTo(128), $"dimension {d + 1}");
        // Two-dimensional stratification of dimensions 1 and 2 (a (0, m, 2)-net): one point per 16 x 8 box.
        Assert.That(scrambled.Select(p => ((int)(p[0] * 16), (int)(p[1] * 8))).Distinct().Count(), Is.EqualTo(128));
        Assert.That(scrambled[0], Is.Not.EqualTo(plain[0]));
    }

    [Test]
    public void Scrambled_means_are_one_half()
    {
        // Each scrambled point is uniform: the mean of a coordinate over 4096 points is 1/2 within a few 1/4096.
        double[][] points = new SobolSequence(10, new Random(9)).Points(4096);
        for (int d = 0; d < 10; d++) Assert.That(points.Average(p => p[d]), Is.EqualTo(0.5).Within(1e-3));
    }
}
