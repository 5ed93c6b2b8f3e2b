using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace HacaSim.Tests.Engine;

/// <summary>
/// Asserts that replication estimates agree with an exact value: the exact value must lie inside the
/// 99% Student-t interval of the replication means, and that interval must be narrower than
/// <c>maxRelativeHalfWidth</c> of the exact value, so that a loose run cannot pass by being noisy.
/// </summary>
internal static class TheoryAssert
{
    public static void Agrees(string what, double exact, IEnumerable<double> replicationValues, double maxRelativeHalfWidth = 0.05)
    {
        double[] values = replicationValues.ToArray();
        double mean = values.Mean();
        double halfWidth = StudentT.InvCDF(0, 1, values.Length - 1, 0.995) * values.StandardDeviation() / Math.Sqrt(values.Length);
        TestContext.Out.WriteLine($"{what}: exact {exact:G6}, simulated {mean:G6} ± {halfWidth:G3} (99%, n={values.Length})");
        Assert.Multiple(() =>
        {
            Assert.That(Math.Abs(mean - exact), Is.LessThanOrEqualTo(halfWidth),
                $"{what}: exact {exact} lies outside the 99% interval {mean} ± {halfWidth}");
            Assert.That(halfWidth, Is.LessThanOrEqualTo(maxRelativeHalfWidth * Math.Abs(exact)),
                $"{what}: interval ±{halfWidth} too wide to test against {exact}");
        });
    }
}
