using HacaSim.Analysis.Statistics;

namespace HacaSim.Model;

/// <summary>
/// Time to trust of one request class (requests that arrived after the warm-up), and how many of those settled
/// past the class's deadline_s: the per-class view a service-level objective is written in.
/// </summary>
public sealed class ClassMetrics
{
    /// <summary>Requests of this class that arrived after the warm-up.</summary>
    public long Count { get; set; }

    /// <summary>Of those, settled (final) before the run ended.</summary>
    public long Settled { get; set; }

    /// <summary>Of the settled ones, final later than the class's deadline after arrival (0 without a deadline).</summary>
    public long OverDeadline { get; set; }

    /// <summary>Arrival to final.</summary>
    public SampleStatistic TimeToTrust { get; } = new();
}
