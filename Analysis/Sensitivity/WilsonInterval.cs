using MathNet.Numerics.Distributions;

namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson, 1927; Brown, Cai and DasGupta, 2001 recommend
/// it over the Wald interval, which collapses to zero width at 0 or n successes and undercovers near them).
/// </summary>
public readonly record struct WilsonInterval(double Proportion, double Lower, double Upper, int Successes, int Trials)
{
    public static WilsonInterval Of(int successes, int trials, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence level must be in (0, 1).");
        if (trials == 0) return new WilsonInterval(double.NaN, double.NaN, double.NaN, 0, 0);
        double z = Normal.InvCDF(0, 1, (1 + level) / 2);
        double n = trials, p = successes / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes the bound is exactly 0 or 1; the formula gets there only up to rounding.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new WilsonInterval(p, lower, upper, successes, trials);
    }
}
