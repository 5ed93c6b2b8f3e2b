using HacaSim.Analysis.Records;
using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Jobs held per pool (waiting plus in service; for "settlement", items awaiting a block or finality) over
/// simulated time, averaged across replications at each sample time. Shows e.g. the proof backlog across an outage.
/// </summary>
public static class BacklogChart
{
    public static void Save(IReadOnlyList<TimeSeriesRow> rows, string title, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using Plot plot = ChartFigure.Create(title, PoolTimeSeries.Describe(rows), "simulated time (s)", "backlog (jobs waiting + in service)");
        IReadOnlyList<LineSeries> series = PoolTimeSeries.MeanByPool(rows, r => r.Backlog);
        LineSeriesPlotter.Add(plot, series);
        AxisRanges.FromZero(plot, series);
        ChartFigure.Save(plot, pathWithoutExtension);
    }
}
