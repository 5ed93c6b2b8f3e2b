using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments.Summary;

/// <summary>summary.json "faults.outages[i]": one scheduled outage and how the proof backlog rode it out.</summary>
public sealed record OutageSummary(string Target, double StartSeconds, double EndSeconds, SummaryStatistic BacklogBefore, SummaryStatistic PeakBacklog,
    int RecoveredReplications, SummaryStatistic? RecoverySeconds);
