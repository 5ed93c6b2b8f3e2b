namespace HacaSim.Experiments.Summary;

/// <summary>What a run adds to summary.json beyond the replications themselves.</summary>
public sealed record RunAnnotations(WarmupChoice? Warmup = null, PrecisionOutcome? Precision = null);
