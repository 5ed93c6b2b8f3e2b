using HacaSim.Analysis.Statistics;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// summary.json "paths.NAME": one verification path's requests and latencies. The result latency and the trust
/// statistics (proof lag, time to trust) carry their own unstable marks.
/// </summary>
public sealed record PathSummary(VerificationPath Path, long Count, SummaryStatistic? ResultLatency, bool ResultLatencyUnstable,
    SummaryStatistic? ProofLag, SummaryStatistic? TimeToTrust, bool TrustUnstable);
