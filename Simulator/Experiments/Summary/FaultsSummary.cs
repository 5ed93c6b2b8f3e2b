namespace HacaSim.Experiments.Summary;

/// <summary>summary.json "faults": what faults cost, summed over replications.</summary>
public sealed record FaultsSummary(long InterruptedJobs, double WorkLostSeconds, long Retries, IReadOnlyList<KeyValuePair<string, long>> Overflow,
    IReadOnlyList<KeyValuePair<string, long>> Fallbacks, IReadOnlyList<OutageSummary> Outages);
