namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Outcome of <see cref="Mser5.TruncationIndex"/>: drop the first <see cref="TruncatedObservations"/>
/// observations as warm-up. <see cref="Reliable"/> is false when the run is too short to trust
/// the cut (the MSER statistic was still falling at the half-way point, or there were too few
/// batches); the cut is then the best found in the first half, and the run should be lengthened.
/// </summary>
public sealed record Mser5Result(int TruncatedObservations, bool Reliable);
