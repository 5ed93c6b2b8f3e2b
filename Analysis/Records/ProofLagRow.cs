namespace HacaSim.Analysis.Records;

/// <summary>
/// Requests of one path that became final during the sample interval ending at <see cref="TimeSeconds"/>,
/// and their mean proof lag (result to final); NaN when none did.
/// </summary>
public sealed record ProofLagRow(int Replication, double TimeSeconds, string Path, long Settled, double MeanProofLagSeconds);
