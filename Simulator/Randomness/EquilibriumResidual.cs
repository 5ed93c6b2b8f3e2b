using MathNet.Numerics.Distributions;

namespace HacaSim.Randomness;

/// <summary>
/// The equilibrium (stationary) residual of a renewal period: the time left in the period that is in
/// progress at an arbitrary instant of a renewal process that has run for ever. Its density is
/// (1 - F(x)) / mean, and it is drawn exactly as U x L with U uniform on (0, 1) and L the size-biased
/// length (density x f(x) / mean: a long period is more likely to cover a given instant). A fault
/// injector uses it to start each node in the stationary state of its up/down process, so availability
/// is MTBF/(MTBF+MTTR) from t = 0 instead of after a start-up transient.
/// </summary>
public static class EquilibriumResidual
{
    /// <summary>The time left in the period in progress, drawn from <paramref name="rng"/>.</summary>
    public static double Sample(IDistribution period, Random rng) =>
        period is MathNetDistribution { Inner: Exponential e }
            ? Exponential.Sample(rng, e.Rate) // memoryless: the residual is the period's own law
            : rng.NextDouble() * SizeBiased(period, rng);

    /// <summary>
    /// A length drawn with density x f(x) / mean. Closed forms for every law of the distribution catalog:
    /// gamma(k, rate) -> gamma(k + 1, rate); lognormal(mu, sigma) -> lognormal(mu + sigma^2, sigma);
    /// Weibull(k, lambda) -> lambda G^(1/k) with G ~ gamma(1 + 1/k, 1); uniform(a, b) -> inverse of
    /// (x^2 - a^2)/(b^2 - a^2); a constant -> itself; observed values -> one picked with weight equal to its
    /// value; the normal truncated at 0 by rejection with acceptance x / bound (bound: 12 sd above the mean,
    /// below which lies all but ~1e-33 of the mass).
    /// </summary>
    public static double SizeBiased(IDistribution period, Random rng)
    {
        switch (period)
        {
            case DeterministicDistribution d:
                return d.Mean;
            case EmpiricalDistribution emp:
                return emp.SampleWeightedByValue(rng);
            case TruncatedNormalDistribution n:
            {
                double bound = Math.Max(0, n.Location) + 12 * n.Scale;
                while (true)
                {
                    double x = n.SampleWith(rng);
                    if (rng.NextDouble() * bound <= x) return x;
                }
            }
            case MathNetDistribution { Inner: var inner }:
                switch (inner)
                {
                    case Exponential e: return Gamma.Sample(rng, 2, e.Rate);
                    case Gamma g: return Gamma.Sample(rng, g.Shape + 1, g.Rate);
                    case LogNormal l: return LogNormal.Sample(rng, l.Mu + l.Sigma * l.Sigma, l.Sigma);
                    case Weibull w: return w.Scale * Math.Pow(Gamma.Sample(rng, 1 + 1 / w.Shape, 1), 1 / w.Shape);
                    case ContinuousUniform u:
                    {
                        double a2 = u.LowerBound * u.LowerBound, b2 = u.UpperBound * u.UpperBound;
                        return Math.Sqrt(a2 + rng.NextDouble() * (b2 - a2));
                    }
                }
                break;
        }
        throw new NotSupportedException($"no size-biased sampler for {period}; add one beside the catalog's laws");
    }
}
