using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// ScottPlot 5 has no log axis: a chart plots log10 of its data and this labels the ticks with 10^tick, one major
/// tick per decade and faint minor ticks at 2..9 times it.
/// </summary>
internal static class LogAxis
{
    public static void Apply(Plot plot, IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true, // one major tick per decade
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = FormatDecade,
        };
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.05);
    }

    public static string FormatDecade(double exponent)
    {
        int decade = (int)Math.Round(exponent);
        double value = Math.Pow(10, decade);
        return decade is >= -4 and <= 6
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : "1e" + decade.ToString(CultureInfo.InvariantCulture);
    }
}
