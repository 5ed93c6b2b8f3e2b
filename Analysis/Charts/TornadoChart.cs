using ScottPlot;
using ScottPlot.TickGenerators;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// A tornado chart of sensitivities: one horizontal bar per input, the most influential at the top, each with its
/// bootstrap interval as a black line. Up to two measures per input (Sobol total and first-order indices; or one
/// standardised rank regression coefficient).
/// </summary>
public static class TornadoChart
{
    public sealed record Measure(string Label, IReadOnlyList<double> Values, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);

    /// <param name="order">Inputs from the most influential (drawn at the top).</param>
    public static void Save(IReadOnlyList<string> inputs, IReadOnlyList<Measure> measures, IReadOnlyList<int> order, string title, string subtitle,
        string xLabel, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(measures);
        using Plot plot = ChartFigure.Create(title, subtitle, xLabel, "");
        double width = 0.8 / Math.Max(1, measures.Count);
        var ticks = new NumericManual();
        for (int rank = 0; rank < order.Count; rank++)
        {
            double y = order.Count - 1 - rank; // the first at the top
            ticks.AddMajor(y, inputs[order[rank]]);
        }
        var intervals = new List<(double Lower, double Upper, double Y)>();
        for (int m = 0; m < measures.Count; m++)
        {
            Measure measure = measures[m];
            SeriesStyle style = SeriesStyle.ForIndex(m);
            var bars = new List<Bar>();
            for (int rank = 0; rank < order.Count; rank++)
            {
                int i = order[rank];
                double y = order.Count - 1 - rank + (measures.Count == 1 ? 0 : (m - (measures.Count - 1) / 2.0) * -width);
                double value = double.IsFinite(measure.Values[i]) ? measure.Values[i] : 0;
                bars.Add(new Bar { Position = y, Value = value, Size = width * 0.9, FillColor = style.Color, LineWidth = 0 });
                if (double.IsFinite(measure.Lower[i]) && double.IsFinite(measure.Upper[i])) intervals.Add((measure.Lower[i], measure.Upper[i], y));
            }
            var plotted = plot.Add.Bars(bars);
            plotted.Horizontal = true;
            plotted.LegendText = measure.Label;
        }
        // Drawn after every bar, so no bar hides an interval.
        foreach (var (lower, upper, y) in intervals)
        {
            var line = plot.Add.Line(lower, y, upper, y);
            line.Color = Colors.Black;
            line.LineWidth = 2;
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        if (measures.Count > 1) plot.ShowLegend(Alignment.LowerRight);
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
