namespace HacaSim.Workload;

/// <summary>
/// A staircase load test: Poisson arrivals at rate startRate + k * stepRate during step k (each step
/// stepLengthSeconds long), optionally held at maxRate once reached. Run it until the network's
/// queues stop draining to find the rate at which it breaks.
/// </summary>
/// <remarks>
/// Generated exactly, without thinning: a gap that would cross a step boundary is discarded and
/// redrawn from the boundary at the new rate, which memorylessness of the exponential makes exact.
/// </remarks>
public sealed class RampArrivals : IArrivalProcess, IRateVarying
{
    private readonly double _startRatePerSecond;
    private readonly double _stepRatePerSecond;
    private readonly double _stepLengthSeconds;
    private readonly double _maxRatePerSecond;
    private readonly Random _rng;
    private long _step;
    private double _stepEndSeconds;
    private double _currentRatePerSecond;
    private double _timeSeconds;

    /// <param name="startRate">Rate during step 0 in arrivals per second (>= 0).</param>
    /// <param name="stepRate">Increase per step (>= 0; startRate + stepRate must be > 0).</param>
    /// <param name="stepLengthSeconds">Length of each step.</param>
    /// <param name="rng">This process's own stream.</param>
    /// <param name="maxRate">Once the staircase reaches this rate it stays there; null to climb for ever.</param>
    public RampArrivals(double startRate, double stepRate, double stepLengthSeconds, Random rng, double? maxRate = null)
    {
        Require.NonNegativeFinite(startRate, nameof(startRate));
        Require.NonNegativeFinite(stepRate, nameof(stepRate));
        if (!(startRate + stepRate > 0))
            throw new ArgumentException("startRate and stepRate are both 0, so the ramp would never produce an arrival.", nameof(stepRate));
        Require.PositiveFinite(stepLengthSeconds, nameof(stepLengthSeconds));
        ArgumentNullException.ThrowIfNull(rng);
        if (maxRate is double max)
        {
            Require.PositiveFinite(max, nameof(maxRate));
            // A cap below the start would silently replace the requested start rate.
            if (max < startRate)
                throw new ArgumentException(
                    $"maxRate {Require.Show(max)} is below startRate {Require.Show(startRate)}; it must be >= startRate.", nameof(maxRate));
        }
        _startRatePerSecond = startRate;
        _stepRatePerSecond = stepRate;
        _stepLengthSeconds = stepLengthSeconds;
        _maxRatePerSecond = maxRate ?? double.PositiveInfinity;
        _rng = rng;
        EnterStep(0);
    }

    /// <summary>
    /// maxRate, the rate the ramp settles at; PositiveInfinity without a cap, since the rate then
    /// grows without bound.
    /// </summary>
    public double MeanRatePerSecond => _maxRatePerSecond;

    /// <summary>The rate during step <paramref name="step"/> (step k covers [k, k+1) * stepLength).</summary>
    public double RatePerSecond(long step) => Math.Min(_startRatePerSecond + step * _stepRatePerSecond, _maxRatePerSecond);

    public double RatePerSecondAt(double timeSeconds) => RatePerSecond((long)Math.Floor(timeSeconds / _stepLengthSeconds));

    public Arrival Next()
    {
        while (true)
        {
            double candidate = _timeSeconds + Sampling.ExponentialGap(_rng, _currentRatePerSecond);
            if (candidate < _stepEndSeconds)
            {
                _timeSeconds = Sampling.StrictlyAfter(_timeSeconds, candidate);
                return new Arrival(_timeSeconds);
            }
            _timeSeconds = _stepEndSeconds;
            EnterStep(_step + 1);
        }
    }

    private void EnterStep(long step)
    {
        _step = step;
        _currentRatePerSecond = RatePerSecond(step);
        // (k + 1) * length rather than a running sum, so boundaries do not drift over thousands of steps.
        _stepEndSeconds = (step + 1) * _stepLengthSeconds;
    }
}
