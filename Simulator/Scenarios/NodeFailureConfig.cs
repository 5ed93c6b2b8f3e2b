using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// Random failures of every node of a pool: up for a draw of <see cref="TimeBetweenFailures"/>, then
/// down for a draw of <see cref="TimeToRepair"/> (MTBF/MTTR). For verification nodes this is churn:
/// full nodes leaving and joining.
/// </summary>
public sealed record NodeFailureConfig(string Pool, ComponentSpec TimeBetweenFailures, ComponentSpec TimeToRepair);
