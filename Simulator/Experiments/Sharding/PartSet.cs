using System.Security.Cryptography;
using System.Text;
using HacaSim.Experiments.Execution;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// The parts <c>hacasim merge</c> was given, checked before anything is written: every manifest complete and
/// of the same experiment (tool version, command, scenario and options hashes, seed, shard count), no unit in
/// two parts, no unit missing. Problems are bad input that names the part directories and the units.
/// </summary>
public sealed class PartSet
{
    /// <summary>A unit file larger than this is refused before reading (a long run's time series is a few MB).</summary>
    public const long MaxUnitBytes = 1024L * 1024 * 1024;

    /// <summary>How many missing shards or units a message names before it only counts the rest.</summary>
    private const int Named = 20;

    private readonly Dictionary<string, (string Directory, string File, string Sha256)> _units;

    private readonly IReadOnlyList<string> _directories;
    private readonly string _absentShards;

    private PartSet(ExperimentIdentity identity, int unitCount, Dictionary<string, (string, string, string)> units, IReadOnlyList<string> directories, string absentShards)
    {
        _directories = directories;
        _absentShards = absentShards;
        Identity = identity;
        UnitCount = unitCount;
        _units = units;
    }

    public ExperimentIdentity Identity { get; }
    public int UnitCount { get; }

    public static PartSet Load(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new InputException("merge needs at least one part directory (the --out of a --shard K/N run)");
        var manifests = directories.Select(d => (Directory: d, Manifest: PartManifest.Read(d))).ToList();
        var problems = new List<string>();
        foreach (var (dir, m) in manifests.Where(p => !p.Manifest.Complete))
            problems.Add($"{dir}: shard {m.Shard} is not complete (its run stopped before writing every unit)");
        var (firstDir, first) = manifests[0];
        foreach (var (dir, m) in manifests.Skip(1))
        {
            var differences = m.Identity.Differences(first.Identity).ToList();
            if (m.Shard.Count != first.Shard.Count) differences.Add($"shards {m.Shard.Count} vs {first.Shard.Count}");
            if (m.UnitCount != first.UnitCount) differences.Add($"{m.UnitCount} units vs {first.UnitCount}");
            if (differences.Count > 0)
                problems.Add($"{dir} and {firstDir} are parts of different experiments: {string.Join("; ", differences)}");
        }
        var units = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        var holders = manifests.SelectMany(p => p.Manifest.Units.Select(u => (p.Directory, u))).GroupBy(x => x.u.Key, StringComparer.Ordinal);
        foreach (var g in holders)
        {
            if (g.Count() > 1) problems.Add($"unit {g.Key} is in more than one part: {string.Join(", ", g.Select(x => x.Directory))}");
            else units[g.Key] = (g.First().Directory, g.First().u.File, g.First().u.Sha256);
        }
        if (problems.Count > 0) throw new InputException(["merge: the parts do not make one complete experiment; nothing was written", .. problems]);
        // Missing units are named by ResultsFor, which knows the experiment's full list of keys.
        // Counted, not listed: N may be huge (an empty shard is cheap to ask for); the message names the first few.
        var present = manifests.Select(p => p.Manifest.Shard.Index).ToHashSet();
        long absentCount = first.Shard.Count - present.Count;
        var absent = Enumerable.Range(0, first.Shard.Count).Where(k => !present.Contains(k)).Take(Named).ToList();
        return new PartSet(first.Identity, first.UnitCount, units, directories, absentCount <= 0 ? ""
            : $"; no part for {absentCount} shard(s) of {first.Shard.Count}: {string.Join(", ", absent)}{(absentCount > Named ? ", ..." : "")}");
    }

    /// <summary>
    /// The results of <paramref name="units"/> (the experiment as the merge re-lists it), in their order. Checked
    /// first against the parts: the same experiment, and exactly these units.
    /// </summary>
    public IReadOnlyList<ReplicationResult> ResultsFor(ExperimentIdentity identity, IReadOnlyList<WorkUnit> units)
    {
        var differences = identity.Differences(Identity);
        if (differences.Count > 0)
            throw new InputException($"merge: the parts were written for another experiment than their own arguments give now: {string.Join("; ", differences)} " +
                "(was the scenario file changed after the shards ran?)");
        var missing = units.Where(u => !_units.ContainsKey(u.Key)).Select(u => u.Key).ToList();
        var extra = _units.Keys.Except(units.Select(u => u.Key), StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new InputException($"merge: the parts ({string.Join(", ", _directories)}) do not hold exactly this experiment's {units.Count} units; nothing was written" +
                (missing.Count > 0 ? $"\nmissing {missing.Count}: {Listed(missing)}{_absentShards}" : "") +
                (extra.Count > 0 ? $"\nnot in this experiment: {Listed(extra)}" : ""));
        var results = new List<ReplicationResult>(units.Count);
        foreach (WorkUnit u in units)
        {
            var (dir, file, sha256) = _units[u.Key];
            string path = Path.Combine(dir, file);
            if (!File.Exists(path)) throw new InputException($"merge: {dir} lists unit {u.Key} but {path} is missing");
            byte[] bytes = InputFiles.ReadBytes(path, "unit file", MaxUnitBytes);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha256)
                throw new InputException($"merge: {path} does not match the SHA-256 in {dir}/{PartManifest.FileName} (changed or damaged after its shard wrote it); nothing was written");
            var (key, result) = UnitResultFile.Read(Encoding.UTF8.GetString(bytes), path);
            if (key != u.Key || result.Replication != u.Replication)
                throw new InputException($"merge: {path} holds unit {InputFiles.Echo(key)} (replication {result.Replication}), not {u.Key}");
            UnitResultFile.CheckConsistent(result, u.Scenario, path);
            results.Add(result);
        }
        return results;
    }

    private static string Listed(IReadOnlyList<string> keys) =>
        string.Join(", ", keys.Take(Named).Select(k => InputFiles.Echo(k))) + (keys.Count > Named ? $", ... ({keys.Count - Named} more)" : "");
}
