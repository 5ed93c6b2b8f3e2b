using System.Security.Cryptography;
using System.Text;
using HacaSim.Analysis.Output;
using HacaSim.Experiments.Execution;
using HacaSim.Model;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// Writes a shard's partial result directory: manifest.json saying "complete": false, each unit's result in
/// <c>units/</c>, then manifest.json again with "complete": true. A shard killed half-way leaves a part that
/// <c>hacasim merge</c> refuses.
/// </summary>
public static class PartWriter
{
    public const string UnitsDirectory = "units";

    public static PartManifest Write(string directory, ExperimentIdentity identity, Shard shard, int unitCount,
        IReadOnlyList<WorkUnit> units, IReadOnlyList<ReplicationResult> results)
    {
        var entries = units.Select(u => new PartManifest.Unit(u.Key, $"{UnitsDirectory}/{FileName(u.Key)}", "")).ToList();
        var manifest = new PartManifest(identity, shard, unitCount, [], Complete: false);
        Directory.CreateDirectory(Path.Combine(directory, UnitsDirectory));
        AtomicFile.WriteText(Path.Combine(directory, PartManifest.FileName), manifest.Json());
        for (int i = 0; i < units.Count; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(UnitResultFile.Write(units[i].Key, results[i]));
            AtomicFile.WriteBytes(Path.Combine(directory, entries[i].File), bytes);
            entries[i] = entries[i] with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        }
        manifest = manifest with { Units = entries, Complete = true };
        AtomicFile.WriteText(Path.Combine(directory, PartManifest.FileName), manifest.Json());
        return manifest;
    }

    /// <summary>A key as a file name: "a=1,b=x/replication/0" -> "a=1,b=x_replication_0.json"; other unsafe characters as %XX.</summary>
    public static string FileName(string key)
    {
        var sb = new StringBuilder();
        foreach (char c in key)
        {
            if (c == '/') sb.Append('_');
            else if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '=' or ',' or '+') sb.Append(c);
            else foreach (byte b in Encoding.UTF8.GetBytes(c.ToString())) sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb + ".json";
    }
}
