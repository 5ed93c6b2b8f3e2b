using HacaSim.Analysis.Records;

namespace HacaSim.Analysis.Charts;

/// <summary>Waiting jobs per pool over simulated time, averaged across replications at each sample time.</summary>
public static class QueueLengthChart
{
    public static void Save(IReadOnlyList<TimeSeriesRow> rows, string title, string pathWithoutExtension) =>
        PoolTimeSeries.Save(rows, r => r.QueueLength, "queue length (waiting jobs)", title, pathWithoutExtension);
}
