namespace HacaSim.Experiments;

/// <summary>How the warm-up was chosen: "fixed" (the scenario's or --warmup) or "mser5" (detected on a pilot).</summary>
/// <param name="DetectedSeconds">The MSER-5 cut (for "fixed", the check on replication 0's series).</param>
public sealed record WarmupChoice(string Method, double Seconds, bool Reliable, double? DetectedSeconds, string? Pool);

/// <summary>Sequential stopping: the metric, the target relative half-width, what was reached and whether it was met.</summary>
public sealed record PrecisionOutcome(string Metric, double TargetRelativeHalfWidth, double? RelativeHalfWidth, bool Met, int MaxReplications);

/// <summary>What a run adds to summary.json beyond the replications themselves.</summary>
public sealed record RunAnnotations(WarmupChoice? Warmup = null, PrecisionOutcome? Precision = null);
