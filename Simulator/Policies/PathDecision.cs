using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>A path policy's choice for one request, with the reason recorded in requests.csv.</summary>
public readonly record struct PathDecision(VerificationPath Path, string Reason);
