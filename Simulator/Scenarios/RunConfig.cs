namespace HacaSim.Scenarios;

/// <summary>
/// Run length and randomness. <c>SampleIntervalSeconds</c> spaces the time-series rows.
/// <c>MaxWaitingPerPool</c> bounds the jobs a pool keeps waiting: beyond it, an overloaded pool's
/// further jobs are only counted (they stay in flight), so memory stays flat however long the run.
/// </summary>
public sealed record RunConfig(double DurationSeconds, double WarmupSeconds, int Replications, ulong Seed, double SampleIntervalSeconds,
    int MaxWaitingPerPool = RunConfig.DefaultMaxWaitingPerPool)
{
    public const int DefaultMaxWaitingPerPool = 100_000;
}
