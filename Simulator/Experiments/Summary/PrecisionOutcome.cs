namespace HacaSim.Experiments.Summary;

/// <summary>Sequential stopping: the metric, the target relative half-width, what was reached and whether it was met.</summary>
public sealed record PrecisionOutcome(string Metric, double TargetRelativeHalfWidth, double? RelativeHalfWidth, bool Met, int MaxReplications);
