using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// Where requests come from. <see cref="Arrival"/> is the common arrival process whose arrivals are
/// split among the classes by <c>share</c>; a class with its own <c>arrival</c> is fed by that instead.
/// </summary>
public sealed record TrafficConfig(ComponentSpec? Arrival, IReadOnlyList<RequestClassConfig> Classes);
