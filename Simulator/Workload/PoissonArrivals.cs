namespace HacaSim.Workload;

/// Placeholder until the workload branch lands.
public sealed class PoissonArrivals : IArrivalProcess
{
    private readonly double _rate;
    private readonly Random _rng;
    private double _time;

    public PoissonArrivals(double ratePerSecond, Random rng)
    {
        if (!(ratePerSecond > 0) || !double.IsFinite(ratePerSecond)) throw new ArgumentException("rate must be > 0 and finite");
        (_rate, _rng) = (ratePerSecond, rng);
    }

    public double MeanRatePerSecond => _rate;

    public Arrival Next()
    {
        _time += -Math.Log(1 - _rng.NextDouble()) / _rate;
        return new Arrival(_time);
    }
}
