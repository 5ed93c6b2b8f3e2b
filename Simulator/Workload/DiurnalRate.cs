namespace HacaSim.Workload;

/// <summary>
/// A daily (or any periodic) cycle: rate(t) = mean * (1 + amplitude * sin(2*pi*t/period + phase)).
/// Amplitude 1 takes the trough to 0; the mean over whole periods is exactly <c>mean</c>.
/// </summary>
public sealed class DiurnalRate : IRateProfile
{
    private readonly double _meanRatePerSecond;
    private readonly double _amplitude;
    private readonly double _periodSeconds;
    private readonly double _phaseRadians;

    /// <param name="meanRatePerSecond">The average rate over a period (> 0).</param>
    /// <param name="amplitude">Relative swing, 0 (flat) to 1 (the trough reaches 0).</param>
    /// <param name="periodSeconds">The cycle length, 86,400 s for a day.</param>
    /// <param name="phaseRadians">Shift of the cycle; 0 starts at the mean and rising.</param>
    public DiurnalRate(double meanRatePerSecond, double amplitude, double periodSeconds, double phaseRadians = 0)
    {
        Require.PositiveFinite(meanRatePerSecond, nameof(meanRatePerSecond));
        // Above 1 the formula goes negative, which no clipping could make a faithful rate.
        if (!(amplitude >= 0 && amplitude <= 1))
            throw new ArgumentException($"amplitude must be in [0, 1], but was {Require.Show(amplitude)}.", nameof(amplitude));
        Require.PositiveFinite(periodSeconds, nameof(periodSeconds));
        if (!double.IsFinite(phaseRadians))
            throw new ArgumentException($"phaseRadians must be finite, but was {Require.Show(phaseRadians)}.", nameof(phaseRadians));
        _meanRatePerSecond = meanRatePerSecond;
        _amplitude = amplitude;
        _periodSeconds = periodSeconds;
        _phaseRadians = phaseRadians;
    }

    public double RatePerSecond(double timeSeconds) =>
        _meanRatePerSecond * (1 + _amplitude * Math.Sin(2 * Math.PI * (timeSeconds / _periodSeconds) + _phaseRadians));

    // a * sin <= a and multiplication by a positive mean is monotone in floating point, so this bound
    // holds exactly, not just up to rounding.
    public double MaxRatePerSecond => _meanRatePerSecond * (1 + _amplitude);

    /// <summary>The mean over whole periods.</summary>
    public double MeanRatePerSecond => _meanRatePerSecond;

    public double EndSeconds => double.PositiveInfinity;
}
