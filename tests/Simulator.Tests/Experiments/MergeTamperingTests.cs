using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HacaSim.Cli;
using HacaSim.Experiments.Sharding;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Properties;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// Issue 18, merge trusts nothing: a part edited by hand (even with its SHA-256 fixed up), a unit path outside its
/// part, nulls, out-of-range shards, a FIFO as manifest: each is exit 2 with nothing written, never a crash, a
/// hang, or numbers that could not come from the scenario.
/// </summary>
public class MergeTamperingTests
{
    private static readonly string[] RunArgs =
        ["run", RepositoryPaths.Scenario("validation/mmc.yaml"), "--replications", "2", "--duration", "300", "--warmup", "30"];

    private static string Part(TempDirectory tmp, string name = "a", string shard = "0/1")
    {
        CliRun run = CliRun.Execute([.. RunArgs, "--shard", shard, "--out", tmp.File(name)]);
        Assert.That(run.ExitCode, Is.EqualTo(Program.Success), run.Stderr);
        return tmp.File(name);
    }

    private static JsonNode Manifest(string part) => JsonNode.Parse(File.ReadAllText(Path.Combine(part, PartManifest.FileName)))!;

    private static void SaveManifest(string part, JsonNode m) => File.WriteAllText(Path.Combine(part, PartManifest.FileName), m.ToJsonString());

    /// <summary>Edits the first unit file and writes its new SHA-256 into the manifest, as a careful forger would.</summary>
    private static void Forge(string part, Action<JsonNode> edit)
    {
        JsonNode m = Manifest(part);
        JsonNode unitEntry = m["units"]![0]!;
        string file = Path.Combine(part, (string)unitEntry["file"]!);
        JsonNode unit = JsonNode.Parse(File.ReadAllText(file))!;
        edit(unit);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(unit.ToJsonString());
        File.WriteAllBytes(file, bytes);
        unitEntry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        SaveManifest(part, m);
    }

    private static void AssertRefused(TempDirectory tmp, string part, string message)
    {
        string merged = tmp.File("merged");
        CliRun run = CliRun.Execute(["merge", "--out", merged, part]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr);
            Assert.That(run.Stderr, Does.Contain(message));
            Assert.That(run.Stderr, Does.Not.Contain("This is a bug").And.Not.Contain("   at "));
            Assert.That(Directory.Exists(merged), Is.False, "nothing written");
            Assert.That(Directory.GetDirectories(tmp.Path, ".merged*"), Is.Empty, "no staging left");
        });
    }

    [Test]
    public void A_unit_edited_after_its_shard_wrote_it_fails_the_SHA256_check()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        string file = Path.Combine(part, (string)Manifest(part)["units"]![0]!["file"]!);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"settled\": ", "\"settled\": 9", StringComparison.Ordinal));
        AssertRefused(tmp, part, "SHA-256");
    }

    [Test]
    public void Forged_counts_that_are_not_conserved_are_refused_even_with_a_matching_hash()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        Forge(part, u => u["metrics"]!["settled"] = 999999);
        AssertRefused(tmp, part, "exceed arrived");
    }

    [Test]
    public void Negative_counts_are_refused()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        Forge(part, u => u["metrics"]!["failed"] = -5);
        AssertRefused(tmp, part, "failed is -5");
    }

    [Test]
    public void A_unit_without_the_scenarios_pools_is_refused()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        Forge(part, u => u["pools"] = new JsonArray());
        AssertRefused(tmp, part, "pools");
    }

    [Test]
    public void A_null_where_a_string_belongs_is_refused()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        Forge(part, u => u["pools"]![0]!["name"] = null);
        AssertRefused(tmp, part, "not a readable unit file");
        JsonNode m = Manifest(part);
        m["spec"]!["overrides"]![0] = null;
        SaveManifest(part, m);
        AssertRefused(tmp, part, "null");
    }

    [TestCase("/etc/hostname")]
    [TestCase("../../outside.json")]
    [TestCase("units/../../outside.json")]
    public void Unit_paths_outside_the_part_are_refused(string file)
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        JsonNode m = Manifest(part);
        m["units"]![0]!["file"] = file;
        SaveManifest(part, m);
        AssertRefused(tmp, part, "a part keeps it at");
    }

    [TestCase(5, 2)]
    [TestCase(-1, 2)]
    [TestCase(0, 0)]
    public void Shard_indices_out_of_range_are_refused(int shard, int shards)
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        JsonNode m = Manifest(part);
        m["shard"] = shard;
        m["shards"] = shards;
        SaveManifest(part, m);
        AssertRefused(tmp, part, "out of range");
    }

    [Test]
    public void Missing_shards_are_counted_not_listed_when_there_are_many()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp, "a", "0/100000");
        string merged = tmp.File("merged");
        CliRun run = CliRun.Execute(["merge", "--out", merged, part]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr);
            Assert.That(run.Stderr, Does.Contain("no part for 99999 shard(s) of 100000: 1, 2, 3"));
            Assert.That(run.Stderr, Has.Length.LessThan(2000));
        });
    }

    [Test]
    public void A_FIFO_as_manifest_is_refused_without_blocking()
    {
        using var tmp = new TempDirectory();
        string part = Part(tmp);
        File.Delete(Path.Combine(part, PartManifest.FileName));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(part, PartManifest.FileName)])) mkfifo.WaitForExit();
        AssertRefused(tmp, part, "not a regular file");
    }
}
