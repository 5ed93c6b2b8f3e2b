using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Tests.Sensitivity;

public class RankRegressionTests
{
    [Test]
    public void Ranks_share_ties()
    {
        Assert.That(Ranks.Of([3.0, 1.0, 3.0, 2.0]), Is.EqualTo(new[] { 3.5, 1, 3.5, 2 }));
    }

    [Test]
    public void A_monotone_function_of_one_input_has_coefficient_one_and_the_others_zero()
    {
        // y = exp(5 x1): its ranks are x1's ranks exactly, so SRRC_1 = 1 and the other inputs' coefficients are 0 within their intervals.
        double[][] x = LatinHypercube.Sample(200, 3, new Random(3));
        var y = x.Select(p => Math.Exp(5 * p[0])).ToList();
        var srrc = RankRegression.Estimate(x, y, new Random(4), 0.95, 200);
        Assert.Multiple(() =>
        {
            Assert.That(srrc[0].Srrc!.Value.Estimate, Is.EqualTo(1).Within(1e-9));
            Assert.That(srrc[1].Srrc!.Value.Contains(0));
            Assert.That(srrc[2].Srrc!.Value.Contains(0));
            Assert.That(RankRegression.RSquared(x, y), Is.EqualTo(1).Within(1e-9));
        });
    }

    [Test]
    public void A_linear_model_orders_inputs_by_their_weight()
    {
        // y = x1 + 2 x2 + noise: standardised regression coefficients 1/sqrt(5) and 2/sqrt(5) (uniform inputs, equal
        // variances); the rank transform bends them a little, so the test is order and sign, and x3 at zero.
        var rng = new Random(8);
        double[][] x = LatinHypercube.Sample(300, 3, new Random(7));
        var y = x.Select(p => p[0] + 2 * p[1] + 0.01 * rng.NextDouble()).ToList();
        var srrc = RankRegression.Estimate(x, y, new Random(9), 0.95, 200);
        Assert.Multiple(() =>
        {
            Assert.That(srrc[1].Srrc!.Value.Lower, Is.GreaterThan(srrc[0].Srrc!.Value.Upper));
            Assert.That(srrc[0].Srrc!.Value.Lower, Is.GreaterThan(0.3));
            Assert.That(srrc[2].Srrc!.Value.Contains(0));
        });
    }
}
