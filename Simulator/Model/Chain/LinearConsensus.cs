namespace HacaSim.Model.Chain;

/// <summary>Deterministic consensus that grows linearly with the validators: base + per validator x n (an estimate to sweep).</summary>
public sealed class LinearConsensus(double baseSeconds, double perValidatorSeconds, int validators) : IConsensusLatency
{
    public double MeanSeconds { get; } = baseSeconds + perValidatorSeconds * validators;

    public double Sample() => MeanSeconds;
}
