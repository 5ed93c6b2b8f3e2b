namespace HacaSim.Workload;

/// <summary>
/// An arrival process whose rate changes with time in a known way (diurnal, piecewise, ramp). The
/// analytic capacity check integrates it over the measured window: its long-run mean is not the rate a
/// run of finite length sees.
/// </summary>
public interface IRateVarying
{
    /// <summary>The instantaneous rate in arrivals per second at <paramref name="timeSeconds"/>.</summary>
    double RatePerSecondAt(double timeSeconds);
}
