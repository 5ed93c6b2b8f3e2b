using HacaSim.Catalog;
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
    public static readonly IReadOnlyList<string> Rules = ["retry", "fallback", "fail"];

    public static FaultsConfig None { get; } = new("retry", 3, 1, new Dictionary<VerificationPath, VerificationPath>(), [], [], null);

    public bool Any => NodeFailures.Count > 0 || Outages.Count > 0 || DataSource is not null;
}

/// <summary>
/// Random failures of every node of a pool: up for a draw of <see cref="TimeBetweenFailures"/>, then
/// down for a draw of <see cref="TimeToRepair"/> (MTBF/MTTR). For verification nodes this is churn:
/// full nodes leaving and joining.
/// </summary>
public sealed record NodeFailureConfig(string Pool, ComponentSpec TimeBetweenFailures, ComponentSpec TimeToRepair);

/// <summary>
/// A scheduled outage from <see cref="StartSeconds"/> for <see cref="DurationSeconds"/>: the first
/// <see cref="Nodes"/> nodes (all when null) of <see cref="Pool"/>, or, with <see cref="TeeVendor"/>,
/// every TEE-capable node of every pool (a vendor-wide attestation outage).
/// </summary>
public sealed record OutageConfig(string? Pool, bool TeeVendor, double StartSeconds, double DurationSeconds, int? Nodes, SourceLocation Location)
{
    public double EndSeconds => StartSeconds + DurationSeconds;
    public string Label => TeeVendor ? "tee_vendor" : Pool!;
}

/// <summary>The external data source is slow (fetch time x <see cref="Slowdown"/>) or failing (each fetch fails with <see cref="FailureProbability"/>) during a window.</summary>
public sealed record DataSourceFaultConfig(double StartSeconds, double DurationSeconds, double Slowdown, double FailureProbability)
{
    public bool Covers(double time) => time >= StartSeconds && time < StartSeconds + DurationSeconds;
}
