using System.Globalization;
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
            lines.Add(new LineSeries(s.Label, [.. xs], [.. ys]));
        }

        string subtitle = "empirical CDF" + (dropped > 0 ? $"; {dropped} points at or below 0 s not drawn" : "");
        using Plot plot = ChartFigure.Create(title, subtitle, "latency (s, log scale)", "cumulative probability");
        // The empirical CDF is a step function: it holds each probability until the next value. Rising
        // curves leave the lower right empty, so the legend goes there.
        LineSeriesPlotter.Add(plot, lines, ConnectStyle.StepHorizontal, Alignment.LowerRight);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true, // one major tick per decade
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = FormatDecade,
        };
        plot.Axes.Left.TickGenerator = new NumericFixedInterval(0.1);
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.05);

        double[] all = [.. lines.SelectMany(l => l.Xs)];
        // Whole decades at both ends, so there are always at least two labelled ticks.
        double left = all.Length == 0 ? 0 : Math.Floor(all.Min());
        double right = all.Length == 0 ? 1 : Math.Ceiling(all.Max());
        if (right <= left)
            right = left + 1;
        plot.Axes.SetLimits(left, right, 0, 1);
        ChartFigure.Save(plot, pathWithoutExtension);
    }

    private static string FormatDecade(double exponent)
    {
        int decade = (int)Math.Round(exponent);
        double value = Math.Pow(10, decade);
        return decade is >= -4 and <= 6
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : "1e" + decade.ToString(CultureInfo.InvariantCulture);
    }
}
