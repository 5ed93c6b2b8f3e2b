namespace HacaSim.Workload;

/// <summary>
/// Arrivals exactly every interval, the first at one interval (the D in D/G/1): a baseline with no
/// arrival variability at all.
/// </summary>
public sealed class DeterministicArrivals : IArrivalProcess
{
    private readonly double _intervalSeconds;
    private long _count;

    public DeterministicArrivals(double intervalSeconds)
    {
        Require.PositiveFinite(intervalSeconds, nameof(intervalSeconds));
        _intervalSeconds = intervalSeconds;
    }

    public double MeanRatePerSecond => 1.0 / _intervalSeconds;

    // k * interval rather than a running sum, so the millionth arrival carries no accumulated rounding.
    public Arrival Next() => new(++_count * _intervalSeconds);
}
