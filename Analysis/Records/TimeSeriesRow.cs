namespace HacaSim.Analysis.Records;

/// <summary>
/// One sample of one pool's state (timeseries.csv). <see cref="Backlog"/> is every job the pool holds,
/// waiting plus in service; for the pseudo-pool "settlement" it is the items waiting for a block or for finality.
/// </summary>
public sealed record TimeSeriesRow(int Replication, double TimeSeconds, string Pool, int QueueLength, int Busy, int Backlog);
