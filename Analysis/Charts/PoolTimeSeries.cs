using HacaSim.Analysis.Records;
using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Turns <see cref="TimeSeriesRow"/>s into one line per pool: at each sample time, the mean of the chosen
/// quantity across the replications sampled at that time. Replications sample on the same grid, so this is
/// the across-replication mean path; with one replication it is that replication's path.
/// </summary>
internal static class PoolTimeSeries
{
    /// <summary>One line per pool of <paramref name="quantity"/> over simulated time, from zero up.</summary>
    public static void Save(IReadOnlyList<TimeSeriesRow> rows, Func<TimeSeriesRow, int> quantity, string yLabel, string title, string pathWithoutExtension,
        double warmupSeconds)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string subtitle = Describe(rows);
        IReadOnlyList<LineSeries> series = MeanByPool(rows, quantity);
        // One line per pool and point per sample: with many samples the PNG and the SVG are drawn from two plots at once.
        ChartFigure.Save(() =>
        {
            Plot plot = ChartFigure.Create(title, subtitle, "simulated time (s)", yLabel);
            WarmupShade.Add(plot, warmupSeconds);
            LineSeriesPlotter.Add(plot, series);
            AxisRanges.FromZero(plot, series);
            LineSeriesPlotter.ShowLegendIfUseful(plot);
            return plot;
        }, series.Sum(line => line.Xs.Length), pathWithoutExtension);
    }

    public static IReadOnlyList<LineSeries> MeanByPool(IReadOnlyList<TimeSeriesRow> rows, Func<TimeSeriesRow, int> quantity)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Pools in ordinal order: a pool keeps its style whatever the row order.
        return [.. TimeGroups.Of(rows, r => r.Pool, r => r.TimeSeconds)
            .Select(pool => new LineSeries(pool.Name, [.. pool.Times.Select(t => t.Time)],
                [.. pool.Times.Select(t => t.Rows.Average(r => (double)quantity(r)))]))];
    }

    /// <summary>The chart subtitle saying how replications were combined.</summary>
    public static string Describe(IReadOnlyList<TimeSeriesRow> rows)
    {
        int replications = rows.Select(r => r.Replication).Distinct().Count();
        return replications switch
        {
            0 => "no samples",
            1 => $"replication {rows[0].Replication}",
            _ => $"mean of {replications} replications at each sample time",
        };
    }
}
