using HacaSim.Analysis.Records;
using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>Waiting jobs per pool over simulated time, averaged across replications at each sample time.</summary>
public static class QueueLengthChart
{
    public static void Save(IReadOnlyList<TimeSeriesRow> rows, string title, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using Plot plot = ChartFigure.Create(title, PoolTimeSeries.Describe(rows), "simulated time (s)", "queue length (waiting jobs)");
        IReadOnlyList<LineSeries> series = PoolTimeSeries.MeanByPool(rows, r => r.QueueLength);
        LineSeriesPlotter.Add(plot, series);
        AxisRanges.FromZero(plot, series);
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
