namespace HacaSim.Analysis.Charts;

/// <summary>One labelled line of a chart, points in drawing order.</summary>
internal sealed record LineSeries(string Label, double[] Xs, double[] Ys);
