namespace HacaSim.Analysis.Statistics;

/// <summary>A backlog's three-state verdict (see <see cref="StabilityJudge"/>).</summary>
public enum StabilityState
{
    Stable,
    Critical,
    Unstable,
}

public static class StabilityStates
{
    public static string Key(this StabilityState s) => s switch
    {
        StabilityState.Stable => "stable",
        StabilityState.Critical => "critical",
        StabilityState.Unstable => "unstable",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };
}
