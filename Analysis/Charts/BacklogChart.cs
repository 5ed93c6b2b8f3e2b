using HacaSim.Analysis.Records;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Jobs held per pool (waiting plus in service; for "settlement", items awaiting a block or finality) over
/// simulated time, averaged across replications at each sample time. Shows e.g. the proof backlog across an outage.
/// </summary>
public static class BacklogChart
{
    /// <param name="warmupSeconds">Shaded from 0: the part of the run no statistic counts.</param>
    public static void Save(IReadOnlyList<TimeSeriesRow> rows, string title, string pathWithoutExtension, double warmupSeconds = 0) =>
        PoolTimeSeries.Save(rows, r => r.Backlog, "backlog (jobs waiting + in service)", title, pathWithoutExtension, warmupSeconds);
}
