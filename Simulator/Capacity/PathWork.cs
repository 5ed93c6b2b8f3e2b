using HacaSim.Scenarios;

namespace HacaSim.Capacity;

/// <summary>One class-and-path combination: its share of all requests and the work one such request puts on each pool.</summary>
public sealed record PathWork(string Class, VerificationPath Path, double Share, IReadOnlyDictionary<string, double> WorkByPool);
