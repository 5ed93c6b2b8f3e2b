using HacaSim.Analysis.Records;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Empirical CDFs of latencies on a log10 x axis, e.g. result latency and time to trust per path on one chart
/// ("tee: result latency", "tee: time to trust"): the two differ by orders of magnitude, hence the log scale.
/// </summary>
public static class LatencyCdfChart
{
    public static void Save(IReadOnlyList<CdfSeries> series, string title, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (CdfSeries s in series)
        {
            if (s.Values.Count != s.Probabilities.Count)
                throw new ArgumentException(
                    $"CDF series '{s.Label}' has {s.Values.Count} values but {s.Probabilities.Count} probabilities.", nameof(series));
        }

        // ScottPlot 5 has no log axis: plot log10 of the data and label the ticks with 10^tick.
        // A latency of zero or less has no logarithm; such points are left out and the subtitle says so.
        int dropped = 0;
        var lines = new List<LineSeries>(series.Count);
        foreach (CdfSeries s in series)
        {
            var xs = new List<double>(s.Values.Count);
            var ys = new List<double>(s.Values.Count);
            for (int i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] > 0 && double.IsFinite(s.Values[i]))
                {
                    xs.Add(Math.Log10(s.Values[i]));
                    ys.Add(s.Probabilities[i]);
                }
                else
                {
                    dropped++;
                }
            }
            lines.Add(new LineSeries(s.Label, [.. xs], [.. ys], SeriesStyle.ForPath(s.Path, s.Variant)));
        }

        string subtitle = "empirical CDF" + (dropped > 0 ? $"; {dropped} points at or below 0 s not drawn" : "");
        using Plot plot = ChartFigure.Create(title, subtitle, "latency (s, log scale)", "cumulative probability");
        // The empirical CDF is a step function: it holds each probability until the next value.
        LineSeriesPlotter.Add(plot, lines, ConnectStyle.StepHorizontal);
        LineSeriesPlotter.ShowLegendIfUseful(plot);
        LogAxis.Apply(plot, plot.Axes.Bottom);
        plot.Axes.Left.TickGenerator = new NumericFixedInterval(0.1);

        double[] all = [.. lines.SelectMany(l => l.Xs)];
        // Whole decades at both ends, so there are always at least two labelled ticks.
        double left = all.Length == 0 ? 0 : Math.Floor(all.Min());
        double right = all.Length == 0 ? 1 : Math.Ceiling(all.Max());
        if (right <= left)
            right = left + 1;
        plot.Axes.SetLimits(left, right, 0, 1);
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
