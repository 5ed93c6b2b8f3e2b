namespace HacaSim.Scenarios;

/// <summary>One figure a proof system's laws were fitted to, with its source.</summary>
public sealed record ProofSystemPoint(double Parameters, double? ProofSeconds, double? VerifySeconds, double? ProofBytes, string Source);
