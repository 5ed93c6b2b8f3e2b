using System.Text;
using System.Text.Json;
using HacaSim.Analysis.Output;

namespace HacaSim.Experiments;

/// <summary>
/// manifest.json of a shard's partial result directory: which experiment (<see cref="ExperimentIdentity"/>),
/// which shard of how many, the keys of the units it holds and their files, and whether it is complete
/// (written false first, true once every unit file is in place).
/// </summary>
public sealed record PartManifest(ExperimentIdentity Identity, Shard Shard, int UnitCount, IReadOnlyList<PartManifest.Unit> Units, bool Complete)
{
    public const string FileName = "manifest.json";
    public const string Format = "hacasim-part/1";

    public sealed record Unit(string Key, string File);

    public string Json()
    {
        using var buffer = new MemoryStream();
        using (Utf8JsonWriter w = JsonOutput.CreateWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("tool_version", Identity.ToolVersion);
            w.WriteString("command", Identity.Command);
            w.WriteStartArray("arguments");
            foreach (string a in Identity.Arguments) w.WriteStringValue(a);
            w.WriteEndArray();
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
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement r = doc.RootElement;
            if (r.GetProperty("format").GetString() != Format) throw new InputException($"{path}: not a {Format} manifest");
            var identity = new ExperimentIdentity(r.GetProperty("tool_version").GetString()!, r.GetProperty("command").GetString()!,
                r.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()!).ToList(), r.GetProperty("scenario_sha256").GetString()!,
                r.GetProperty("options_sha256").GetString()!, r.GetProperty("seed").GetUInt64());
            return new PartManifest(identity, new Shard(r.GetProperty("shard").GetInt32(), r.GetProperty("shards").GetInt32()),
                r.GetProperty("unit_count").GetInt32(),
                r.GetProperty("units").EnumerateArray().Select(u => new Unit(u.GetProperty("key").GetString()!, u.GetProperty("file").GetString()!)).ToList(),
                r.GetProperty("complete").GetBoolean());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: not a readable part manifest ({e.Message})");
        }
    }
}
