using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// A kind of request. Its inference work is either token-based (<see cref="Model"/> names a profile,
/// with prompt and output token distributions) or a fixed-cost distribution (<see cref="InferenceSeconds"/>,
/// seconds on a speed-1 node).
/// </summary>
public sealed record RequestClassConfig(
    string Name,
    double Share,
    ComponentSpec? Arrival,
    string? Model,
    ComponentSpec? PromptTokens,
    ComponentSpec? OutputTokens,
    ComponentSpec? InferenceSeconds,
    double NeedsDataProbability,
    double? DeadlineSeconds,
    IReadOnlyDictionary<VerificationPath, double> PathWeights,
    double? TimeoutSeconds = null,
    VerificationPath? TrustFloor = null);
