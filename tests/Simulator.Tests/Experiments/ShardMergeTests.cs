using System.Diagnostics;
using HacaSim.Cli;
using HacaSim.Experiments.Sharding;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Properties;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// <c>--shard K/N</c> then <c>hacasim merge</c> must give the unsharded command's files byte for byte (charts
/// included: PNG and SVG rendering is deterministic here), for any N, including N above the number of units;
/// and merge must refuse parts that are not one complete experiment, writing nothing.
/// </summary>
public class ShardMergeTests
{
    private static readonly string Baseline = RepositoryPaths.Scenario("baseline.yaml");
    private static readonly string Outage = RepositoryPaths.Scenario("faults/tee-outage.yaml");
    private static readonly string Adaptive = RepositoryPaths.Scenario("hypotheses/h3-adaptive.yaml");

    // Short runs: what matters is that every field of a unit survives the trip through its part file.
    // The outage scenario's outage is moved into the run, so the recoveries and fault counts are not empty.
    private static readonly string[] RunArgs =
        ["run", Outage, "--replications", "4", "--duration", "500", "--warmup", "50", "--set", "outage_start_s=150", "--set", "outage_s=100"];
    private static readonly string[] SweepArgs =
        ["sweep", Baseline, "--param", "arrival_rate=4,9", "--replications", "2", "--duration", "400", "--warmup", "40"];
    private static readonly string[] CompareArgs =
        ["compare", Adaptive, "--variant", "static:policy=static", "--variant", "adaptive:arrival_rate=7", "--replications", "2", "--duration", "400", "--warmup", "40"];

    private static IEnumerable<TestCaseData> Splits()
    {
        foreach (var (name, args, units) in new[] { ("run", RunArgs, 4), ("sweep", SweepArgs, 4), ("compare", CompareArgs, 4) })
            yield return new TestCaseData(args, new[] { 1, 2, 3, 7, units + 5 }).SetName($"Sharded {name}, merged, is byte-identical to the unsharded {name} for N in 1, 2, 3, 7, {units + 5}");
    }

    [TestCaseSource(nameof(Splits))]
    public void Sharded_and_merged_equals_unsharded(string[] args, int[] splits)
    {
        using var tmp = new TempDirectory();
        string full = tmp.File("full");
        Ok(Execute([.. args, "--out", full, "--quiet"]));
        foreach (int n in splits)
        {
            var parts = Enumerable.Range(0, n).Select(k => tmp.File($"n{n}-part{k}")).ToList();
            for (int k = 0; k < n; k++) Ok(Execute([.. args, "--shard", $"{k}/{n}", "--out", parts[k], "--threads", "1"]));
            string merged = tmp.File($"n{n}-merged");
            Ok(Execute(["merge", "--out", merged, .. parts]));
            AssertSameFiles(full, merged, $"N = {n}");
        }
    }

    [Test]
    public void A_part_stores_the_typed_experiment_spec_that_merge_runs()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. CompareArgs, "--shard", "0/2", "--out", tmp.File("p0")]));
        ExperimentSpec spec = PartManifest.Read(tmp.File("p0")).Identity.Spec!;
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(tmp.File("p0"), PartManifest.FileName)), Does.Contain("\"format\": \"hacasim-part/2\"").And.Not.Contain("\"arguments\""));
            Assert.That(spec.Kind, Is.EqualTo(ExperimentKind.Compare));
            Assert.That(spec.Scenario, Is.EqualTo(Adaptive));
            Assert.That(spec.Overrides, Is.EqualTo(new[] { "run.replications=2", "run.duration_s=400", "run.warmup_s=40" }));
            Assert.That(spec.Variants.Select(v => $"{v.Name}:{string.Join(",", v.Values)}"), Is.EqualTo(new[] { "static:policy=static", "adaptive:arrival_rate=7" }));
        });
    }

    /// <summary>
    /// Parts written before the typed spec (manifest format hacasim-part/1: the canonical command line in "arguments", the
    /// options hash over it) still merge, byte-identical to the unsharded sweep. The old manifests are made from new
    /// parts by writing what the old format held.
    /// </summary>
    [Test]
    public void Parts_with_the_old_manifest_format_still_merge()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. SweepArgs, "--out", tmp.File("full"), "--quiet"]));
        // The canonical command line of SweepArgs: the scenario, then the options sorted by name.
        string[] options = ["--duration", "400", "--param", "arrival_rate=4,9", "--replications", "2", "--warmup", "40"];
        string optionsSha = ExperimentIdentity.Sha256(string.Join("\n", options));
        var parts = new[] { tmp.File("p0"), tmp.File("p1") };
        for (int k = 0; k < 2; k++)
        {
            Ok(Execute([.. SweepArgs, "--shard", $"{k}/2", "--out", parts[k]]));
            string path = Path.Combine(parts[k], PartManifest.FileName);
            var m = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var old = new System.Text.Json.Nodes.JsonObject();
            foreach (var (key, value) in m.ToList())
            {
                m.Remove(key);
                if (key == "spec") old["arguments"] = new System.Text.Json.Nodes.JsonArray([.. new[] { Baseline }.Concat(options).Select(a => (System.Text.Json.Nodes.JsonNode)a)]);
                else if (key == "format") old[key] = "hacasim-part/1";
                else if (key == "options_sha256") old[key] = optionsSha;
                else old[key] = value;
            }
            File.WriteAllText(path, old.ToJsonString());
        }
        Assert.That(PartManifest.Read(parts[0]).Identity.Spec, Is.Null);
        Ok(Execute(["merge", "--out", tmp.File("merged"), .. parts]));
        AssertSameFiles(tmp.File("full"), tmp.File("merged"), "old-format parts");
    }

    [Test]
    public void A_part_holds_a_manifest_and_one_file_per_unit_and_empty_shards_are_fine()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. SweepArgs, "--shard", "1/3", "--out", tmp.File("p1")]));
        Ok(Execute([.. SweepArgs, "--shard", "5/6", "--out", tmp.File("p5")]));
        PartManifest m = PartManifest.Read(tmp.File("p1"));
        Assert.Multiple(() =>
        {
            Assert.That(m.Complete, Is.True);
            Assert.That(m.Shard, Is.EqualTo(new Shard(1, 3)));
            Assert.That(m.UnitCount, Is.EqualTo(4));
            // Round-robin: units 1 of 0..3 (case-major: point 0 rep 0, point 0 rep 1, point 1 rep 0, point 1 rep 1).
            Assert.That(m.Units.Select(u => u.Key), Is.EqualTo(new[] { "arrival_rate=4/replication/1" }));
            Assert.That(File.Exists(Path.Combine(tmp.File("p1"), m.Units[0].File)), Is.True);
            Assert.That(m.Identity.Seed, Is.EqualTo(HacaSim.Scenarios.Loading.ScenarioLoader.Load(Baseline, []).Scenario.Run.Seed));
            Assert.That(m.Identity.ScenarioSha256, Has.Length.EqualTo(64));
            Assert.That(PartManifest.Read(tmp.File("p5")).Units, Is.Empty);
            Assert.That(File.Exists(tmp.File("p1/sweep.csv")), Is.False, "a shard writes a part, not results");
        });
    }

    [Test]
    public void Threads_out_and_quiet_do_not_change_the_experiment_identity()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. RunArgs, "--shard", "0/2", "--out", tmp.File("a"), "--threads", "1"]));
        Ok(Execute([.. RunArgs, "--quiet", "--shard", "1/2", "--out", tmp.File("b"), "--threads", "3"]));
        Assert.That(PartManifest.Read(tmp.File("a")).Identity.Differences(PartManifest.Read(tmp.File("b")).Identity), Is.Empty);
    }

    [Test]
    public void Merge_refuses_parts_run_with_different_seeds()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. RunArgs, "--seed", "1", "--shard", "0/2", "--out", tmp.File("a")]));
        Ok(Execute([.. RunArgs, "--seed", "2", "--shard", "1/2", "--out", tmp.File("b")]));
        AssertRefused(tmp, [tmp.File("a"), tmp.File("b")], "seed 2 vs 1", tmp.File("a"), tmp.File("b"));
    }

    [Test]
    public void Merge_refuses_parts_of_different_scenarios()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. SweepArgs, "--shard", "0/2", "--out", tmp.File("a")]));
        Ok(Execute(["sweep", Adaptive, .. SweepArgs[2..], "--shard", "1/2", "--out", tmp.File("b")]));
        AssertRefused(tmp, [tmp.File("a"), tmp.File("b")], "scenario", tmp.File("a"), tmp.File("b"));
    }

    [Test]
    public void Merge_refuses_a_missing_part_naming_the_missing_units()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. CompareArgs, "--shard", "0/2", "--out", tmp.File("a")]));
        AssertRefused(tmp, [tmp.File("a")], "missing 2: static/replication/1, adaptive/replication/1", "no part for 1 shard(s) of 2: 1");
    }

    [Test]
    public void Merge_refuses_a_unit_given_twice()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. RunArgs, "--shard", "0/2", "--out", tmp.File("a")]));
        Ok(Execute([.. RunArgs, "--shard", "1/2", "--out", tmp.File("b")]));
        CopyDirectory(tmp.File("a"), tmp.File("a-again"));
        AssertRefused(tmp, [tmp.File("a"), tmp.File("b"), tmp.File("a-again")],
            "unit run/replication/0 is in more than one part", tmp.File("a-again"));
    }

    [Test]
    public void Merge_refuses_an_incomplete_part()
    {
        using var tmp = new TempDirectory();
        Ok(Execute([.. RunArgs, "--shard", "0/1", "--out", tmp.File("a")]));
        string manifest = Path.Combine(tmp.File("a"), PartManifest.FileName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"complete\": true", "\"complete\": false"));
        AssertRefused(tmp, [tmp.File("a")], "shard 0/1 is not complete");
    }

    [TestCase("2/2")]
    [TestCase("-1/2")]
    [TestCase("0/0")]
    [TestCase("1")]
    [TestCase("a/b")]
    public void A_bad_shard_is_bad_input(string shard)
    {
        using var tmp = new TempDirectory();
        CliRun run = Execute([.. SweepArgs, "--shard", shard, "--out", tmp.File("x")]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput));
            Assert.That(run.Stderr, Does.Contain("--shard"));
            Assert.That(Directory.Exists(tmp.File("x")), Is.False);
        });
    }

    [TestCase("--precision", "0.1")]
    [TestCase("--warmup", "auto")]
    [TestCase("--log-requests")]
    public void Run_options_that_do_not_split_into_units_are_refused_with_shard(params string[] option)
    {
        using var tmp = new TempDirectory();
        CliRun run = Execute(["run", Outage, "--duration", "600", .. option, "--shard", "0/2", "--out", tmp.File("x")]);
        Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr);
        Assert.That(run.Stderr, Does.Contain("cannot be combined with --shard"));
    }

    [Test]
    public void Slurm_writes_an_array_script_and_a_dependent_merge_script_that_reproduce_the_unsharded_sweep()
    {
        using var tmp = new TempDirectory();
        string out_ = tmp.File("sweep");
        CliRun slurm = Execute(["slurm", .. SweepArgs, "--out", out_, "--tasks", "3", "--partition", "debug", "--time", "00:10:00"]);
        Ok(slurm);
        string work = out_ + ".slurm";
        string array = File.ReadAllText(Path.Combine(work, "array.sh"));
        string merge = File.ReadAllText(Path.Combine(work, "merge.sh"));
        Assert.Multiple(() =>
        {
            Assert.That(slurm.Stdout, Does.Contain("sbatch --parsable --dependency=afterok:"));
            Assert.That(array, Does.Contain("#SBATCH --array=0-2").And.Contain("#SBATCH --partition=debug").And.Contain("#SBATCH --time=00:10:00"));
            Assert.That(array, Does.Contain("--shard \"$SLURM_ARRAY_TASK_ID/3\"").And.Contain("part-\"$SLURM_ARRAY_TASK_ID\""));
            Assert.That(array, Does.Contain("export DOTNET_BUNDLE_EXTRACT_BASE_DIR="));
            Assert.That(merge, Does.Contain($"merge --out '{out_}'").And.Contain("/part-{0..2}"));
        });

        // Run the scripts as Slurm would (each array index, then the merge), without Slurm.
        for (int k = 0; k < 3; k++) Bash(Path.Combine(work, "array.sh"), ("SLURM_ARRAY_TASK_ID", k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Bash(Path.Combine(work, "merge.sh"));
        Ok(Execute([.. SweepArgs, "--out", tmp.File("local"), "--quiet"]));
        AssertSameFiles(tmp.File("local"), out_, "slurm scripts");
    }

    [Test]
    public void Slurm_needs_an_experiment_command_out_and_positive_tasks()
    {
        using var tmp = new TempDirectory();
        Assert.Multiple(() =>
        {
            Assert.That(Execute(["slurm", "plan", Baseline, "--out", tmp.File("x"), "--tasks", "2"]).ExitCode, Is.EqualTo(Program.BadInput));
            Assert.That(Execute(["slurm", .. SweepArgs, "--tasks", "2"]).Stderr, Does.Contain("--out"));
            Assert.That(Execute(["slurm", .. SweepArgs, "--out", tmp.File("x"), "--tasks", "0"]).ExitCode, Is.EqualTo(Program.BadInput));
            Assert.That(Execute(["slurm", .. SweepArgs, "--out", tmp.File("x"), "--tasks", "2", "--shard", "0/2"]).ExitCode, Is.EqualTo(Program.BadInput));
            Assert.That(Execute(["slurm", .. SweepArgs, "--bogus", "--out", tmp.File("x"), "--tasks", "2"]).ExitCode, Is.EqualTo(Program.BadInput));
        });
    }

    private static CliRun Execute(string[] args) => CliRun.Execute(args);

    private static void Ok(CliRun run) => Assert.That(run.ExitCode, Is.EqualTo(Program.Success), run.Stderr + run.Stdout);

    private static void AssertRefused(TempDirectory tmp, string[] parts, params string[] messages)
    {
        string merged = tmp.File("merged");
        CliRun run = Execute(["merge", "--out", merged, .. parts]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(Program.BadInput), run.Stderr);
            foreach (string m in messages) Assert.That(run.Stderr, Does.Contain(m));
            Assert.That(Directory.Exists(merged), Is.False, "nothing is written");
        });
    }

    private static void AssertSameFiles(string expectedDir, string actualDir, string what)
    {
        static List<string> Files(string dir) =>
            Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        var expected = Files(expectedDir);
        Assert.That(Files(actualDir), Is.EqualTo(expected), what);
        Assert.That(expected, Has.Count.GreaterThan(3));
        foreach (string f in expected)
            Assert.That(File.ReadAllBytes(Path.Combine(actualDir, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedDir, f))), $"{what}: {f}");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }

    private static void Bash(string script, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in env) start.Environment[name] = value;
        using Process p = Process.Start(start)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), $"{script}: {stdout}{stderr}");
    }
}
