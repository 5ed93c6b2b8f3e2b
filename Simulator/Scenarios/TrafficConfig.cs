using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Scenarios;

/// <summary>
/// Where requests come from. <see cref="Arrival"/> is the common arrival process whose arrivals are
/// split among the classes by <c>share</c>; a class with its own <c>arrival</c> is fed by that instead.
/// </summary>
public sealed record TrafficConfig(ComponentSpec? Arrival, IReadOnlyList<RequestClassConfig> Classes);

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
    VerificationPath? TrustFloor = null);

/// <summary>
/// Cost of one (model, GPU) pair on a speed-1 node: time to first token = prompt / prefill rate, then
/// one decode step per output token. <see cref="ProofSeconds"/>, when given, replaces
/// overhead-factor x inference work as this model's ZKML proof time.
/// </summary>
public sealed record ModelProfile(string Name, double PrefillTokensPerSecond, double DecodeSecondsPerToken, ComponentSpec? ProofSeconds);
