namespace HacaSim.Analysis.Records;

/// <summary>An empirical CDF as (value, cumulative probability) points, ascending, for one labelled series.</summary>
public sealed record CdfSeries(string Label, IReadOnlyList<double> Values, IReadOnlyList<double> Probabilities);
