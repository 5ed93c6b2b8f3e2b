using HacaSim.Analysis.Records;
using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Mean proof lag (result to final) per sample interval over simulated time, one line per path. Across
/// replications each interval's means are combined weighted by the requests settled in it, which is the
/// mean over all those requests; intervals where nothing settled (NaN) are skipped: the line breaks there
/// instead of dropping to zero or bridging the gap.
/// </summary>
public static class ProofLagChart
{
    /// <param name="warmupSeconds">Shaded from 0: the part of the run no statistic counts.</param>
    public static void Save(IReadOnlyList<ProofLagRow> rows, string title, string pathWithoutExtension, double warmupSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        IReadOnlyList<LineSeries> series = [.. TimeGroups.Combine(rows, r => r.Path, r => r.TimeSeconds, SettledWeightedMean)
            .Select(path => new LineSeries(path.Name, path.Times, path.Values, SeriesStyle.ForPath(path.Name, 0)))];

        int replications = rows.Select(r => r.Replication).Distinct().Count();
        string subtitle = replications switch
        {
            0 => "no samples",
            1 => $"replication {rows[0].Replication}; intervals with nothing settled left blank",
            _ => $"mean over requests settled in each interval, {replications} replications; intervals with nothing settled left blank",
        };
        using Plot plot = ChartFigure.Create(title, subtitle, "simulated time (s)", "mean proof lag (s, result to final)");
        WarmupShade.Add(plot, warmupSeconds);
        LineSeriesPlotter.Add(plot, series);
        AxisRanges.FromZero(plot, series);
        LineSeriesPlotter.ShowLegendIfUseful(plot);
        ChartFigure.Save(plot, pathWithoutExtension);
    }

    // NaN when nothing settled in the interval in any replication: the plotter leaves a gap there.
    private static double SettledWeightedMean(IReadOnlyList<ProofLagRow> interval)
    {
        double settled = 0, weightedSum = 0;
        for (int i = 0; i < interval.Count; i++)
        {
            ProofLagRow row = interval[i];
            if (row.Settled <= 0 || !double.IsFinite(row.MeanProofLagSeconds))
                continue;
            settled += row.Settled;
            weightedSum += row.Settled * row.MeanProofLagSeconds;
        }
        return settled > 0 ? weightedSum / settled : double.NaN;
    }
}
