using HacaSim.Catalog;
using HacaSim.Model;

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
    VerificationPath? TrustFloor = null)
{
    /// <summary>Class <c>trust_value</c>: what a settled request on each path is worth to its client, dollars (utility policy); null: the policy's.</summary>
    public IReadOnlyDictionary<VerificationPath, double>? TrustValueUsd { get; init; }

    /// <summary>Class <c>delay_cost_per_s</c>: dollars a second of time to trust costs the client (utility policy); null: the policy's.</summary>
    public double? DelayCostUsdPerSecond { get; init; }
}
