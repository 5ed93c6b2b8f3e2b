using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments.Summary;

/// <summary>summary.json "classes.NAME": one request class's time to trust and its share settled later than its deadline.</summary>
public sealed record ClassSummary(string Name, long Count, long Settled, double? DeadlineSeconds, SummaryStatistic? TimeToTrust, SummaryStatistic? OverDeadlineShare);
