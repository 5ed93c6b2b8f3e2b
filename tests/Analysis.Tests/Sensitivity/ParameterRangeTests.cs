using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Tests.Sensitivity;

public class ParameterRangeTests
{
    [Test]
    public void Maps_design_points_by_the_inverse_CDF()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ParameterRange.Parse("uniform(2,6)").ValueAt(0.25), Is.EqualTo("3"));
            Assert.That(ParameterRange.Parse("loguniform(1,100)").NumericAt(0.5), Is.EqualTo(10).Within(1e-12));
            Assert.That(ParameterRange.Parse("int(1, 4)").ValueAt(0.999), Is.EqualTo("4"));
            Assert.That(ParameterRange.Parse("int(1,4)").ValueAt(0.0), Is.EqualTo("1"));
            Assert.That(ParameterRange.Parse("choice(fifo, ps, edf)").ValueAt(0.5), Is.EqualTo("ps"));
            Assert.That(ParameterRange.Parse(" uniform( 0.5 , 1e3 ) ").ToString(), Is.EqualTo("uniform(0.5,1000)"));
        });
    }

    [TestCase("uniform(1)")]
    [TestCase("uniform(2,1)")]
    [TestCase("uniform(1,1)")]
    [TestCase("loguniform(0,1)")]
    [TestCase("loguniform(-1,1)")]
    [TestCase("int(1.5,3)")]
    [TestCase("normal(0,1)")]
    [TestCase("uniform(a,b)")]
    [TestCase("uniform(1,NaN)")]
    [TestCase("choice(a,,b)")]
    [TestCase("choice(a,a)")]
    [TestCase("5")]
    [TestCase("uniform(1,2")]
    public void Malformed_ranges_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => ParameterRange.Parse(text));
    }
}
