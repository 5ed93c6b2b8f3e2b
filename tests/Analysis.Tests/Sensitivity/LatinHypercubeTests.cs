using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Tests.Sensitivity;

public class LatinHypercubeTests
{
    [Test]
    public void Every_input_has_one_point_in_each_stratum()
    {
        double[][] points = LatinHypercube.Sample(50, 4, new Random(1));
        Assert.That(points, Has.Length.EqualTo(50));
        for (int j = 0; j < 4; j++)
        {
            Assert.That(points.All(p => p[j] >= 0 && p[j] < 1));
            Assert.That(points.Select(p => (int)(p[j] * 50)).OrderBy(x => x), Is.EqualTo(Enumerable.Range(0, 50)), $"input {j}");
        }
    }

    [Test]
    public void Same_seed_same_design_other_seed_other_design()
    {
        double[][] first = LatinHypercube.Sample(10, 3, new Random(5));
        double[][] again = LatinHypercube.Sample(10, 3, new Random(5));
        Assert.That(again, Is.EqualTo(first));
        Assert.That(LatinHypercube.Sample(10, 3, new Random(6)), Is.Not.EqualTo(first));
    }
}
