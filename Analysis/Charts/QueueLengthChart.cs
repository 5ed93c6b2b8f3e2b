using HacaSim.Analysis.Records;

namespace HacaSim.Analysis.Charts;

/// <summary>Waiting jobs per pool over simulated time, averaged across replications at each sample time.</summary>
public static class QueueLengthChart
{
    /// <param name="warmupSeconds">Shaded from 0: the part of the run no statistic counts.</param>
    public static void Save(IReadOnlyList<TimeSeriesRow> rows, string title, string pathWithoutExtension, double warmupSeconds = 0) =>
        PoolTimeSeries.Save(rows, r => r.QueueLength, "queue length (waiting jobs)", title, pathWithoutExtension, warmupSeconds);
}
