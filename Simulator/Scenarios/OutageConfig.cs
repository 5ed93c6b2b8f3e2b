using HacaSim.Catalog;

namespace HacaSim.Scenarios;

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
