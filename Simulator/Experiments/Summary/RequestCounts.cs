namespace HacaSim.Experiments.Summary;

/// <summary>summary.json "requests": totals over all replications (arrived = settled + failed + in flight exactly).</summary>
public sealed record RequestCounts(long Arrived, long Settled, long Failed, long InFlight, IReadOnlyList<KeyValuePair<string, long>> FailedByReason);
