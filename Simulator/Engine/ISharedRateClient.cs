namespace HacaSim.Engine;

/// <summary>What a <see cref="SharedRateStation{TJob}"/> asks of the model that feeds it.</summary>
public interface ISharedRateClient<TJob>
{
    /// <summary>The job's work: seconds it would take alone at rate 1. Asked once, when service starts.</summary>
    double Work(TJob job);

    /// <summary>Units of the station's shared resource the job holds while in service (>= 0); asked before admission, so it must not draw.</summary>
    double Demand(TJob job);

    /// <summary>Service of <paramref name="job"/> starts now after waiting <paramref name="waitSeconds"/>.</summary>
    void OnServiceStart(TJob job, double waitSeconds);

    /// <summary>Service ended after <paramref name="serviceSeconds"/>; the station has already admitted whatever now fits.</summary>
    void OnDeparture(TJob job, double serviceSeconds);
}
