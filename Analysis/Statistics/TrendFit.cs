namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Least-squares line y = <see cref="Intercept"/> + <see cref="Slope"/> · x with the slope's standard
/// error and the half-width of its Student-t confidence interval (n-2 degrees of freedom) at
/// <see cref="Level"/>. Standard error and half-width are NaN with only two points.
/// </summary>
public sealed record TrendFit(
    double Slope,
    double Intercept,
    double SlopeStandardError,
    double SlopeHalfWidth,
    double Level,
    int Count)
{
    /// <summary>Lower end of the slope interval.</summary>
    public double SlopeLower => Slope - SlopeHalfWidth;

    /// <summary>Upper end of the slope interval.</summary>
    public double SlopeUpper => Slope + SlopeHalfWidth;

    /// <summary>True when <paramref name="slope"/> lies in the closed slope interval.</summary>
    public bool SlopeIntervalContains(double slope) => Math.Abs(slope - Slope) <= SlopeHalfWidth;
}
