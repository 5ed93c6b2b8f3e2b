namespace HacaSim.Workload;

/// Placeholder until the workload branch lands.
public sealed class DeterministicArrivals : IArrivalProcess
{
    private readonly double _interval;
    private long _count;

    public DeterministicArrivals(double intervalSeconds)
    {
        if (!(intervalSeconds > 0) || !double.IsFinite(intervalSeconds)) throw new ArgumentException("interval must be > 0 and finite");
        _interval = intervalSeconds;
    }

    public double MeanRatePerSecond => 1 / _interval;

    public Arrival Next() => new(++_count * _interval);
}
