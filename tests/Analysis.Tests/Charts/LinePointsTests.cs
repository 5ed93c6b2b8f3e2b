using HacaSim.Analysis.Charts;
using ScottPlot;
using ScottPlot.DataSources;

namespace HacaSim.Tests.Charts;

/// <summary>LinePoints must hand ScottPlot exactly the points and limits of its own source over the same two arrays.</summary>
public class LinePointsTests
{
    private static readonly double[] Xs = [0, 1.5, 2, 3.25, 7];
    private static readonly double[] Ys = [4, -1, 0.5, 9, 2];

    [Test]
    public void SamePointsAndLimitsAsScottPlotsSource()
    {
        var ours = new LinePoints(Xs, Ys);
        var theirs = new ScatterSourceDoubleArray(Xs, Ys);
        Assert.That(ours.GetScatterPoints(), Is.EqualTo(theirs.GetScatterPoints()).AsCollection);
        Assert.That(ours.GetLimits(), Is.EqualTo(theirs.GetLimits()));
        Assert.That((ours.MinRenderIndex, ours.MaxRenderIndex), Is.EqualTo((theirs.MinRenderIndex, theirs.MaxRenderIndex)));
    }

    [Test]
    public void ARenderRangeGivesOnlyThosePoints()
    {
        var ours = new LinePoints(Xs, Ys) { MinRenderIndex = 1, MaxRenderIndex = 3 };
        var theirs = new ScatterSourceDoubleArray(Xs, Ys) { MinRenderIndex = 1, MaxRenderIndex = 3 };
        Assert.That(ours.GetScatterPoints(), Is.EqualTo(theirs.GetScatterPoints()).AsCollection);
        Assert.That(ours.GetScatterPoints(), Has.Count.EqualTo(3));
        Assert.That(ours.GetLimits(), Is.EqualTo(theirs.GetLimits()));
    }
}
