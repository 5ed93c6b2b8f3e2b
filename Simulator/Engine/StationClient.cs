namespace HacaSim.Engine;

/// <summary>What a station asks of the model that feeds it: how long a job takes, and what follows.</summary>
/// <remarks>
/// An abstract class, not an interface: a <see cref="Station{TJob}"/> of a reference type runs shared generic code, where
/// in the Native AOT binary an interface call first looks its dispatch cell up in the generic dictionary and then goes
/// through the interface dispatch stub, while a virtual call is one load from the method table (its slot is the same in
/// every instantiation). Three such calls per job.
/// </remarks>
public abstract class StationClient<TJob>
{
    /// <summary>The job's service time in seconds on this station, drawn when service starts.</summary>
    public abstract double ServiceTime(TJob job);

    /// <summary>Service of <paramref name="job"/> starts now after waiting <paramref name="waitSeconds"/> and will take <paramref name="serviceSeconds"/>.</summary>
    public abstract void OnServiceStart(TJob job, double waitSeconds, double serviceSeconds);

    /// <summary>
    /// Service of <paramref name="job"/> ended; the station has already freed its server. The last step of the station's
    /// completion event: nothing of the station runs after it.
    /// </summary>
    public abstract void OnDeparture(TJob job);
}
