using HacaSim.Model;

namespace HacaSim.Experiments.Summary;

/// <summary>How the warm-up was chosen: "fixed" (the scenario's or --warmup) or "mser5" (detected on a pilot).</summary>
/// <param name="DetectedSeconds">The MSER-5 cut (for "fixed", the check on replication 0's series).</param>
public sealed record WarmupChoice(string Method, double Seconds, bool Reliable, double? DetectedSeconds, string? Pool);
