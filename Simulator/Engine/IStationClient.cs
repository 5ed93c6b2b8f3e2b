namespace HacaSim.Engine;

/// <summary>What a station asks of the model that feeds it: how long a job takes, and what follows.</summary>
public interface IStationClient<TJob>
{
    /// <summary>The job's service time in seconds on this station, drawn when service starts.</summary>
    double ServiceTime(TJob job);

    /// <summary>Service of <paramref name="job"/> starts now after waiting <paramref name="waitSeconds"/> and will take <paramref name="serviceSeconds"/>.</summary>
    void OnServiceStart(TJob job, double waitSeconds, double serviceSeconds);

    /// <summary>
    /// Service of <paramref name="job"/> ended; the station has already freed its server. The last step of the station's
    /// completion event: nothing of the station runs after it.
    /// </summary>
    void OnDeparture(TJob job);
}
