using HacaSim.Experiments.Summary;

namespace HacaSim.Experiments.Run;

/// <summary>How <c>hacasim run</c> should run a scenario beyond its own settings.</summary>
/// <param name="AutoWarmup">Detect the warm-up with MSER-5 on a pilot replication instead of using run.warmup_s.</param>
/// <param name="Precision">Sequential stopping: target relative 95% half-width of <paramref name="PrecisionMetric"/>; null runs run.replications.</param>
public sealed record RunSettings(string ScenarioPath, IReadOnlyList<string> Overrides, int Threads, bool AutoWarmup = false,
    double? Precision = null, string? PrecisionMetric = null, int MaxReplications = RunSettings.DefaultMaxReplications)
{
    public const int DefaultMaxReplications = 100;
}
