namespace HacaSim.Workload;

/// <summary>An arrival rate that changes with simulated time, for <see cref="TimeVaryingArrivals"/>.</summary>
public interface IRateProfile
{
    /// <summary>The rate in arrivals per second at <paramref name="timeSeconds"/> (>= 0).</summary>
    double RatePerSecond(double timeSeconds);

    /// <summary>An upper bound of the rate over all times: the thinning envelope.</summary>
    double MaxRatePerSecond { get; }

    /// <summary>The long-run mean rate (see each profile for what "long-run" means for it).</summary>
    double MeanRatePerSecond { get; }

    /// <summary>
    /// The time from which the rate is 0 for good (PositiveInfinity if never): the process ends
    /// there instead of thinning an infinite stream of candidates.
    /// </summary>
    double EndSeconds { get; }
}
