namespace HacaSim.Workload;

/// <summary>
/// A source of request arrivals, starting at simulated time 0. Implementations draw from their own
/// named random stream, so adding a request class never changes another class's arrivals.
/// </summary>
public interface IArrivalProcess
{
    /// <summary>
    /// The next arrival, strictly after the previous one's time (equal times are allowed only for
    /// trace rows with equal timestamps); TimeSeconds = double.PositiveInfinity when the process is
    /// exhausted.
    /// </summary>
    Arrival Next();

    /// <summary>Long-run mean rate in arrivals per second (for validation and capacity checks).</summary>
    double MeanRatePerSecond { get; }
}
