using System.Runtime.CompilerServices;

namespace HacaSim.Workload;

/// <summary>
/// Homogeneous Poisson arrivals: independent exponential gaps with mean 1/rate. The classic model of
/// many independent users, and the M in M/G/k.
/// </summary>
public sealed class PoissonArrivals : IArrivalProcess
{
    private readonly double _ratePerSecond;
    private readonly Random _rng;
    private double _timeSeconds;

    public PoissonArrivals(double ratePerSecond, Random rng)
    {
        Require.PositiveFinite(ratePerSecond, nameof(ratePerSecond));
        ArgumentNullException.ThrowIfNull(rng);
        _ratePerSecond = ratePerSecond;
        _rng = rng;
    }

    public double MeanRatePerSecond => _ratePerSecond;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Arrival Next()
    {
        _timeSeconds = Sampling.StrictlyAfter(_timeSeconds, _timeSeconds + Sampling.ExponentialGap(_rng, _ratePerSecond));
        return new Arrival(_timeSeconds);
    }
}
