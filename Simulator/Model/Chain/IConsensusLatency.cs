namespace HacaSim.Model.Chain;

/// <summary>How long one block's consensus takes, from proposal to commit.</summary>
public interface IConsensusLatency
{
    /// <summary>One block's consensus time, in seconds.</summary>
    double Sample();

    /// <summary>The mean, for the path policies' predictions.</summary>
    double MeanSeconds { get; }
}
