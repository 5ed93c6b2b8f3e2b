using MathNet.Numerics.Distributions;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// A Student-t confidence interval for a mean: <see cref="Mean"/> ± <see cref="HalfWidth"/> at
/// confidence <see cref="Level"/> from <see cref="Count"/> independent (or approximately
/// independent, e.g. batch) means. <see cref="HalfWidth"/> is NaN when Count &lt; 2.
/// </summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, double Level, int Count)
{
    /// <summary>Lower end of the interval.</summary>
    public double Lower => Mean - HalfWidth;

    /// <summary>Upper end of the interval.</summary>
    public double Upper => Mean + HalfWidth;

    /// <summary>True when <paramref name="x"/> lies in the closed interval; false when the half-width is NaN.</summary>
    public bool Contains(double x) => Math.Abs(x - Mean) <= HalfWidth;

    /// <summary>
    /// Interval for the mean of <paramref name="samples"/> using the t distribution with n-1 degrees
    /// of freedom. Mean is NaN for no samples; HalfWidth is NaN for fewer than two.
    /// </summary>
    public static ConfidenceInterval FromSamples(IReadOnlyList<double> samples, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ValidateLevel(level);
        int n = samples.Count;
        if (n == 0)
            return new ConfidenceInterval(double.NaN, double.NaN, level, 0);

        // Two passes: the inputs are short (replications, batches) and this avoids cancellation.
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += samples[i];
        double mean = sum / n;
        if (n < 2)
            return new ConfidenceInterval(mean, double.NaN, level, n);

        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            double deviation = samples[i] - mean;
            squares += deviation * deviation;
        }
        double standardError = Math.Sqrt(squares / (n - 1) / n);
        return new ConfidenceInterval(mean, TQuantile(level, n - 1) * standardError, level, n);
    }

    /// <summary>Two-sided t critical value t((1+level)/2, dof).</summary>
    internal static double TQuantile(double level, int degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, (1 + level) / 2);

    internal static void ValidateLevel(double level)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence level must be in (0, 1), e.g. 0.95.");
    }
}
