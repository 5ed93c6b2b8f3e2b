using HacaSim.Randomness;

namespace HacaSim.Workload;

/// <summary>
/// A renewal process: independent, identically distributed gaps from any distribution (gamma for
/// smoother or burstier than Poisson, lognormal, empirical...). Mean rate = 1 / mean gap.
/// </summary>
public sealed class RenewalArrivals : IArrivalProcess
{
    private readonly IDistribution _interArrival;
    private double _timeSeconds;

    /// <param name="interArrival">The gap distribution in seconds; it carries its own random stream.</param>
    public RenewalArrivals(IDistribution interArrival)
    {
        ArgumentNullException.ThrowIfNull(interArrival);
        double mean = interArrival.Mean;
        if (!(mean > 0) || !double.IsFinite(mean))
            throw new ArgumentException(
                $"the inter-arrival distribution must have a finite mean > 0, but its mean is {Require.Show(mean)}.",
                nameof(interArrival));
        _interArrival = interArrival;
    }

    public double MeanRatePerSecond => 1.0 / _interArrival.Mean;

    public Arrival Next()
    {
        double gap = _interArrival.Sample();
        // A negative or NaN gap would send time backwards; fail loudly instead of clipping it.
        if (!(gap >= 0) || double.IsPositiveInfinity(gap))
            throw new InvalidOperationException(
                $"the inter-arrival distribution drew {Require.Show(gap)} s; gaps must be finite and >= 0.");
        _timeSeconds = Sampling.StrictlyAfter(_timeSeconds, _timeSeconds + gap);
        return new Arrival(_timeSeconds);
    }
}
