namespace HacaSim.Engine;

/// <summary>What a <see cref="SharingStation{TJob}"/> asks of the model beyond a shared-rate station's questions: each job's class.</summary>
public interface ISharingClient<TJob> : ISharedRateClient<TJob>
{
    /// <summary>True for the secondary class (served second, preempted, given the reserved places); asked on arrival only.</summary>
    bool IsSecondary(TJob job);
}
