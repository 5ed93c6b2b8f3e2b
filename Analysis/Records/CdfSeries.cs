namespace HacaSim.Analysis.Records;

/// <summary>
/// An empirical CDF as (value, cumulative probability) points, ascending, for one labelled series. <paramref name="Path"/>
/// (a verification path's key) gives the series that path's colour; <paramref name="Variant"/> its pattern (0 result
/// latency, 1 time to trust; or the variant's index in a comparison).
/// </summary>
public sealed record CdfSeries(string Label, IReadOnlyList<double> Values, IReadOnlyList<double> Probabilities, string? Path = null, int Variant = 0);
