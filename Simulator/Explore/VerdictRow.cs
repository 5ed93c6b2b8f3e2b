using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Explore;

/// <summary>One line of verdicts.csv: how often a categorical outcome took a value over the samples, with its Wilson interval.</summary>
public sealed record VerdictRow(string Outcome, string Value, WilsonInterval Interval);
