namespace HacaSim.Scenarios;

/// <summary>The external data source is slow (fetch time x <see cref="Slowdown"/>) or failing (each fetch fails with <see cref="FailureProbability"/>) during a window.</summary>
public sealed record DataSourceFaultConfig(double StartSeconds, double DurationSeconds, double Slowdown, double FailureProbability)
{
    public bool Covers(double time) => time >= StartSeconds && time < StartSeconds + DurationSeconds;
}
