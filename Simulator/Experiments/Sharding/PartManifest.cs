using System.Text;
using System.Text.Json;
using HacaSim.Analysis.Output;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// manifest.json of a shard's partial result directory: which experiment (<see cref="ExperimentIdentity"/>),
/// which shard of how many, the keys of the units it holds and their files, and whether it is complete
/// (written false first, true once every unit file is in place).
/// </summary>
public sealed record PartManifest(ExperimentIdentity Identity, Shard Shard, int UnitCount, IReadOnlyList<PartManifest.Unit> Units, bool Complete)
{
    public const string FileName = "manifest.json";
    public const string Format = "hacasim-part/2";

    /// <summary>The format before the typed spec: the canonical command line in "arguments" (still read, to merge old parts).</summary>
    public const string LegacyFormat = "hacasim-part/1";

    /// <summary>A manifest lists unit keys and hashes; 64 MB is millions of units.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <param name="Sha256">The unit file's SHA-256 (lower-case hex), checked by the merge before it reads the file.</param>
    public sealed record Unit(string Key, string File, string Sha256);

    public string Json()
    {
        using var buffer = new MemoryStream();
        using (Utf8JsonWriter w = JsonOutput.CreateWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", Identity.Spec is null ? LegacyFormat : Format);
            w.WriteString("tool_version", Identity.ToolVersion);
            w.WriteString("command", Identity.Command);
            if (Identity.Spec is { } spec)
            {
                w.WritePropertyName("spec");
                spec.Write(w);
            }
            else
            {
                w.WriteStartArray("arguments");
                foreach (string a in Identity.Arguments) w.WriteStringValue(a);
                w.WriteEndArray();
            }
            w.WriteString("scenario_sha256", Identity.ScenarioSha256);
            w.WriteString("options_sha256", Identity.OptionsSha256);
            w.WriteNumber("seed", Identity.Seed);
            w.WriteNumber("shards", Shard.Count);
            w.WriteNumber("shard", Shard.Index);
            w.WriteNumber("unit_count", UnitCount);
            w.WriteStartArray("units");
            foreach (Unit u in Units)
            {
                w.WriteStartObject();
                w.WriteString("key", u.Key);
                w.WriteString("file", u.File);
                w.WriteString("sha256", u.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("complete", Complete);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads <c>DIR/manifest.json</c>; a missing or unreadable one is bad input naming the directory.</summary>
    public static PartManifest Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new InputException($"{directory}: no {FileName} (not a part written by --shard, or its shard never started)");
        try
        {
            using JsonDocument doc = JsonDocument.Parse(InputFiles.ReadText(path, "part manifest", MaxBytes));
            JsonElement r = doc.RootElement;
            string? format = r.GetProperty("format").GetString();
            if (format != Format && format != LegacyFormat) throw new InputException($"{path}: not a {Format} (or {LegacyFormat}) manifest");
            string Text(JsonElement e, string name) => e.GetString() ?? throw new InputException($"{path}: {name} is null; expected a string");
            ExperimentSpec? spec = format == Format ? ExperimentSpec.Read(r.GetProperty("spec"), path) : null;
            string command = Text(r.GetProperty("command"), "command");
            if (spec is not null && spec.Kind.Key() != command) throw new InputException($"{path}: command {InputFiles.Echo(command)} but spec.kind {spec.Kind.Key()}");
            var identity = new ExperimentIdentity(Text(r.GetProperty("tool_version"), "tool_version"), command, spec,
                spec is null ? r.GetProperty("arguments").EnumerateArray().Select(a => Text(a, "an argument")).ToList() : [],
                Text(r.GetProperty("scenario_sha256"), "scenario_sha256"), Text(r.GetProperty("options_sha256"), "options_sha256"), r.GetProperty("seed").GetUInt64());
            int shard = r.GetProperty("shard").GetInt32(), shards = r.GetProperty("shards").GetInt32(), unitCount = r.GetProperty("unit_count").GetInt32();
            if (shards < 1 || shard < 0 || shard >= shards)
                throw new InputException($"{path}: shard {shard} of {shards} is out of range; expected 0 <= shard < shards");
            if (unitCount < 0) throw new InputException($"{path}: unit_count {unitCount} is negative");
            var units = r.GetProperty("units").EnumerateArray().Select(u => new Unit(Text(u.GetProperty("key"), "a unit key"),
                Text(u.GetProperty("file"), "a unit file"), Text(u.GetProperty("sha256"), "a unit sha256"))).ToList();
            if (units.Count > unitCount) throw new InputException($"{path}: lists {units.Count} units but unit_count is {unitCount}");
            foreach (Unit u in units)
            {
                // The file name follows from the key; anything else (an absolute path, "..") would read outside the part.
                string expected = $"{PartWriter.UnitsDirectory}/{PartWriter.FileName(u.Key)}";
                if (u.File != expected)
                    throw new InputException($"{path}: unit {InputFiles.Echo(u.Key)} names the file {InputFiles.Echo(u.File)}; a part keeps it at {InputFiles.Echo(expected)}");
                if (u.Sha256.Length != 64 || !u.Sha256.All(char.IsAsciiHexDigitLower))
                    throw new InputException($"{path}: unit {InputFiles.Echo(u.Key)}: sha256 {InputFiles.Echo(u.Sha256)} is not 64 lower-case hex digits");
            }
            return new PartManifest(identity, new Shard(shard, shards), unitCount, units, r.GetProperty("complete").GetBoolean());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: not a readable part manifest ({e.Message})");
        }
    }
}
