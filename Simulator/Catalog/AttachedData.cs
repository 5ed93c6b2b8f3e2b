using HacaSim.Workload;

namespace HacaSim.Catalog;

/// <summary>
/// The contents of a data file a component names (<c>file:</c> of a trace replay or an empirical distribution),
/// read when the scenario is bound and attached to its <see cref="ComponentSpec"/>. It is immutable and shared
/// read-only by validation, the capacity model and every replication, which only attach their random streams:
/// a command reads each data file once.
/// </summary>
public sealed record AttachedData(TraceData? Trace, IReadOnlyList<double>? Column);
