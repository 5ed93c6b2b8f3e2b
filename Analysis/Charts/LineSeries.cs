namespace HacaSim.Analysis.Charts;

/// <summary>One labelled line of a chart, points in drawing order; <paramref name="Style"/> fixes its look (e.g. a path's colour), else the index picks it.</summary>
internal sealed record LineSeries(string Label, double[] Xs, double[] Ys, SeriesStyle? Style = null);
