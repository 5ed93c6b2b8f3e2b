namespace HacaSim.Experiments.Summary;

/// <summary>summary.json "downgrades": requests whose policy chose a weaker path than it wanted because of load.</summary>
public sealed record DowngradeSummary(long Total, double? Share, IReadOnlyList<KeyValuePair<string, long>> ByPath);
