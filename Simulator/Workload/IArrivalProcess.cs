namespace HacaSim.Workload;

public interface IArrivalProcess
{
    /// The next arrival; TimeSeconds = double.PositiveInfinity when the process is exhausted.
    Arrival Next();

    /// Long-run mean rate in arrivals per second (for validation and capacity checks).
    double MeanRatePerSecond { get; }
}
