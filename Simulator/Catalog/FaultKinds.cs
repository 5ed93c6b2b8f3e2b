namespace HacaSim.Catalog;

/// <summary>One kind of fault a scenario's <c>faults:</c> block can schedule, with the keys it takes.</summary>
public sealed record FaultKind(string Name, string Description, ParameterSet Parameters);

/// <summary>
/// The fault kinds and interrupt rules of <c>faults:</c>: the binder checks keys against these lists, and
/// <c>hacasim list</c> and the schema print them, so the three cannot drift apart.
/// </summary>
public static class FaultKinds
{
    public static readonly FaultKind NodeFailures = new("node_failures",
        "faults.node_failures.POOL: every node of the pool fails and is repaired at random (times between failures and repair times are distributions)",
        new ParameterSet("mtbf_s", "mttr_s"));

    public static readonly FaultKind Outages = new("outages",
        "faults.outages[i]: a scheduled outage of some or all nodes of a pool, or of every TEE-capable node (a vendor-wide TEE outage)",
        new ParameterSet([], ["pool", "tee_vendor", "start_s", "duration_s", "nodes"]));

    public static readonly FaultKind DataSource = new("data_source",
        "faults.data_source: a slow or failing external data source during a window (fetches slowed, some fail)",
        new ParameterSet([], ["start_s", "duration_s", "slowdown", "failure_probability"]));

    public static readonly IReadOnlyList<FaultKind> All = [NodeFailures, Outages, DataSource];

    /// <summary>faults.on_interrupt: what happens to work a fault interrupts.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> InterruptRules =
    [
        ("retry", "again on another node of the same pool, after retry_backoff_s, at most max_retries times"),
        ("fallback", "switch to the path faults.fallback names for the request's path (a downgrade) and start over"),
        ("fail", "the request fails with the fault as its reason"),
    ];

    public static IReadOnlyList<string> Keys(FaultKind kind) => [.. kind.Parameters.Required, .. kind.Parameters.Optional];
}
