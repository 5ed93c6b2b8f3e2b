namespace HacaSim.Workload;

/// <summary>
/// One arrival: absolute simulated time in seconds, and the token counts when the source knows them
/// (trace replay), else -1.
/// </summary>
public readonly record struct Arrival(double TimeSeconds, int PromptTokens = -1, int OutputTokens = -1)
{
    /// <summary>True when the process has no more arrivals (<see cref="TimeSeconds"/> is +infinity).</summary>
    public bool IsEnd => double.IsPositiveInfinity(TimeSeconds);

    /// <summary>The marker a finished process returns from every further call.</summary>
    public static Arrival End => new(double.PositiveInfinity);
}
