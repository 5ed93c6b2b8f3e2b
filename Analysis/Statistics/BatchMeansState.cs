namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Everything a <see cref="BatchMeans"/> holds: the stored batch means and their size, and the running sum of
/// the incomplete batch. The batches the interval uses are derived from these.
/// </summary>
public sealed record BatchMeansState(int TargetBatches, long Count, IReadOnlyList<double> StoredMeans, long StoredBatchSize,
    double PartialSum, long PartialCount);
