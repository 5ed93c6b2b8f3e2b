using HacaSim.Model;

namespace HacaSim.Scenarios;

/// <summary>
/// Faults and what they do to the work they interrupt. A job on a node that goes down is handled by
/// <see cref="OnInterrupt"/>: "retry" (again on another node of the same pool after
/// <see cref="RetryBackoffSeconds"/>, at most <see cref="MaxRetries"/> times per request), "fallback"
/// (switch to the path <see cref="Fallback"/> names, counted as a downgrade, and start over from
/// inference; paths without a fallback retry) or "fail". A job that finds no node of its pool up waits
/// in the pool's holding queue until one comes back (a TEE request under "fallback" switches path).
/// </summary>
public sealed record FaultsConfig(
    string OnInterrupt,
    int MaxRetries,
    double RetryBackoffSeconds,
    IReadOnlyDictionary<VerificationPath, VerificationPath> Fallback,
    IReadOnlyList<NodeFailureConfig> NodeFailures,
    IReadOnlyList<OutageConfig> Outages,
    DataSourceFaultConfig? DataSource)
{
    public static readonly IReadOnlyList<string> Rules = Catalog.FaultKinds.InterruptRules.Select(r => r.Name).ToList();

    public static FaultsConfig None { get; } = new("retry", 3, 1, new Dictionary<VerificationPath, VerificationPath>(), [], [], null);

    public bool Any => NodeFailures.Count > 0 || Outages.Count > 0 || DataSource is not null;
}
