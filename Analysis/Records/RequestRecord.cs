namespace HacaSim.Analysis.Records;

/// <summary>
/// One request's life (requests.csv), written when it ends or when the run ends. Times are seconds of
/// simulated time; null where the request never reached that point. <see cref="Counted"/>: the request
/// arrived after the warm-up and is in summary.json's statistics; the last three columns are its derived
/// latencies (result - arrival, final - result, final - arrival).
/// </summary>
public sealed record RequestRecord(
    int Replication,
    long Id,
    string RequestClass,
    string Path,
    string DecisionReason,
    string Outcome,
    string? FailureReason,
    int PromptTokens,
    int OutputTokens,
    double ArrivalSeconds,
    double? DataQueuedSeconds,
    double? DataStartSeconds,
    double? DataEndSeconds,
    double? InferenceQueuedSeconds,
    double? InferenceStartSeconds,
    double? InferenceEndSeconds,
    double? ResultSeconds,
    double? ProofQueuedSeconds,
    double? ProofStartSeconds,
    double? ProofReadySeconds,
    double? VerifyQueuedSeconds,
    double? VerifyStartSeconds,
    double? VerifiedSeconds,
    double? IncludedSeconds,
    double? FinalSeconds,
    bool Counted,
    double? ResultLatencySeconds,
    double? ProofLagSeconds,
    double? TimeToTrustSeconds);
