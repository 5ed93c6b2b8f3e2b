using HacaSim.Model;

namespace HacaSim.Experiments.Summary;

/// <summary>How the warm-up was chosen: <see cref="WarmupMethod.Fixed"/> (the scenario's or --warmup) or <see cref="WarmupMethod.Mser5"/> (detected on a pilot).</summary>
/// <param name="DetectedSeconds">The MSER-5 cut (for a fixed warm-up, the check on replication 0's series).</param>
public sealed record WarmupChoice(WarmupMethod Method, double Seconds, bool Reliable, double? DetectedSeconds, string? Pool);

/// <summary>How a run's warm-up was chosen (summary.json "warmup.method").</summary>
public enum WarmupMethod
{
    Fixed,
    Mser5,
}

/// <summary>How a run's 95% intervals are computed (summary.json "ci_method").</summary>
public enum CiMethod
{
    /// <summary>Student-t across replications.</summary>
    Replications,

    /// <summary>Batch means within the one replication.</summary>
    BatchMeans,
}

public static class SummaryMethodKeys
{
    public static string Key(this WarmupMethod m) => m == WarmupMethod.Mser5 ? "mser5" : "fixed";

    public static string Key(this CiMethod m) => m == CiMethod.BatchMeans ? "batch_means" : "replications";
}
