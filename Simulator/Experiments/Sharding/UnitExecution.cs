using HacaSim.Experiments.Execution;
using HacaSim.Model;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// Where an experiment's unit results come from. Every experiment lists its units, gets their results, then
/// writes its outputs; only the middle step differs: run every unit here (the default), run one shard's
/// slice and write it as a part (<c>--shard K/N</c>, no outputs), or read the units from parts
/// (<c>hacasim merge</c>). Merged outputs are therefore written by the very code an unsharded run uses.
/// </summary>
public sealed class UnitExecution
{
    private readonly Shard? _shard;
    private readonly PartSet? _parts;

    private UnitExecution(ExperimentIdentity? identity, Shard? shard, PartSet? parts)
    {
        Identity = identity;
        _shard = shard;
        _parts = parts;
    }

    public static UnitExecution Local { get; } = new(null, null, null);

    public static UnitExecution ForShard(ExperimentIdentity identity, Shard shard) => new(identity, shard, null);

    public static UnitExecution FromParts(ExperimentIdentity identity, PartSet parts) => new(identity, null, parts);

    public ExperimentIdentity? Identity { get; }

    public bool IsLocal => _shard is null && _parts is null;

    /// <summary>Runs a shard: its outputs are a part, not the command's usual files.</summary>
    public bool WritesPart => _shard is not null;

    /// <summary>
    /// Every unit's result, in unit order; null for a shard, whose slice then ran (with <paramref name="run"/>)
    /// and went to <paramref name="outDir"/> as a part.
    /// </summary>
    public IReadOnlyList<ReplicationResult>? Results(IReadOnlyList<WorkUnit> units, string outDir,
        Func<IReadOnlyList<WorkUnit>, IReadOnlyList<ReplicationResult>> run)
    {
        if (_parts is not null) return _parts.ResultsFor(Identity!, units);
        if (_shard is null) return run(units);
        var slice = _shard.Select(units);
        PartWriter.Write(outDir, Identity!, _shard, units.Count, slice, slice.Count == 0 ? [] : run(slice));
        return null;
    }
}
