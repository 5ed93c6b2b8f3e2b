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
        using Plot plot = ChartFigure.Create(title, Describe(rows), "simulated time (s)", yLabel);
        IReadOnlyList<LineSeries> series = MeanByPool(rows, quantity);
        WarmupShade.Add(plot, warmupSeconds);
        LineSeriesPlotter.Add(plot, series);
        AxisRanges.FromZero(plot, series);
        LineSeriesPlotter.ShowLegendIfUseful(plot);
        ChartFigure.Save(plot, pathWithoutExtension);
    }

    public static IReadOnlyList<LineSeries> MeanByPool(IReadOnlyList<TimeSeriesRow> rows, Func<TimeSeriesRow, int> quantity)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Pools in ordinal order: a pool keeps its style whatever the row order.
        // One row at a time (one replication) is its own mean, exactly as Average of one value gives it.
        return [.. TimeGroups.Combine(rows, r => r.Pool, r => r.TimeSeconds,
                at => at.Count == 1 ? quantity(at[0]) : at.Average(r => (double)quantity(r)))
            .Select(pool => new LineSeries(pool.Name, pool.Times, pool.Values))];
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
