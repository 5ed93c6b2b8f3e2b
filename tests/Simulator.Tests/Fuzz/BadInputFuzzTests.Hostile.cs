using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text;
using HacaSim.Cli;
using HacaSim.Experiments.Sharding;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Fuzz;

/// <summary>
/// Issue 18's kinds of hostile input, seeded: depth bombs (parentheses, signs, brackets, nested mappings; in files
/// and in --set), devices and FIFOs where a file is read, tampered shard parts given to merge, and hostile names
/// (control characters, path separators, "..", huge) as scenario names, variant names and --out. Every case must
/// exit 0 or 2 within 10 s, never 1, never print a stack trace or "This is a bug", and never write outside its folder.
/// </summary>
public partial class BadInputFuzzTests
{
    private static readonly string Mmc = RepositoryPaths.Scenario("validation/mmc.yaml");
    private static readonly string TraceScenario = RepositoryPaths.Scenario("trace-replay.yaml");
    private static readonly string[] Short = ["--duration", "50", "--warmup", "0", "--replications", "2", "--quiet"];

    [Test]
    public void Hostile_inputs_exit_0_or_2_and_never_crash()
    {
        string work = TestScratch.NewPath("hacasim-hostile");
        Directory.CreateDirectory(work);
        var rng = new Random(Seed * 1000 + 18);
        var tally = new SortedDictionary<string, (int Tried, int Refused, int Valid)>(StringComparer.Ordinal);
        var problems = new List<string>();
        void Case(string kind, string[] args, string? outDir = null)
        {
            var (code, problem) = RunArgs(args, outDir, $"{kind}: {Describe(args)}");
            if (problem is not null) problems.Add(problem);
            var t = tally.GetValueOrDefault(kind);
            tally[kind] = (t.Tried + 1, t.Refused + (code == Program.BadInput ? 1 : 0), t.Valid + (code == Program.Success ? 1 : 0));
        }
        try
        {
            // Depth bombs: deep parentheses, signs and flow collections, from --set and from a file.
            for (int i = 0; i < 12; i++)
            {
                int depth = rng.Next(65, 20_000);
                string bomb = (i % 4) switch
                {
                    0 => "${" + new string('(', depth) + "1" + new string(')', depth) + "}",
                    1 => "${" + string.Concat(Enumerable.Range(0, depth).Select(_ => rng.Next(2) == 0 ? '-' : '+')) + "1}",
                    2 => new string('[', depth) + new string(']', depth),
                    _ => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
                };
                string key = i % 2 == 0 ? "run.replications" : "run";
                Case("depth bomb (--set)", ["validate", Mmc, "--set", $"{key}={bomb}"]);
                string file = Path.Combine(work, $"bomb{i}.yaml");
                File.WriteAllText(file, File.ReadAllText(Mmc) + $"\nvariants: {{v: {{x: \"{bomb.Replace("\"", "", StringComparison.Ordinal)}\"}}}}\n" +
                    (i % 4 >= 2 ? $"extra: {bomb}\n" : $"notes: \"{bomb}\"\n"));
                Case("depth bomb (file)", ["validate", file]);
            }

            // Devices, FIFOs and links to them wherever a file is read.
            string fifo = Path.Combine(work, "fifo");
            using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
            string link = Path.Combine(work, "link-to-zero");
            File.CreateSymbolicLink(link, "/dev/zero");
            foreach (string device in new[] { "/dev/zero", "/dev/null", "/dev/urandom", fifo, link, work })
            {
                Case("device or FIFO", ["validate", device]);
                Case("device or FIFO", ["validate", TraceScenario, "--set", $"trace_file={device}"]);
                Case("device or FIFO", ["report", device]);
            }

            // Tampered parts: one real two-shard run, then random damage to a copy for each case.
            string parts = Path.Combine(work, "parts");
            for (int k = 0; k < 2; k++)
                Assert.That(Program.Execute(["run", Mmc, .. Short, "--shard", $"{k}/2", "--out", Path.Combine(parts, $"p{k}")], TextWriter.Null, TextWriter.Null), Is.EqualTo(0));
            for (int i = 0; i < 16; i++)
            {
                string copy = Path.Combine(work, $"tampered{i}");
                foreach (string f in Directory.GetFiles(parts, "*", SearchOption.AllDirectories))
                {
                    string target = Path.Combine(copy, Path.GetRelativePath(parts, f));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(f, target);
                }
                Tamper(Path.Combine(copy, $"p{rng.Next(2)}"), rng);
                Case("tampered part", ["merge", "--out", Path.Combine(work, $"merged{i}"), Path.Combine(copy, "p0"), Path.Combine(copy, "p1")], Path.Combine(work, $"merged{i}"));
            }

            // Hostile names: as the scenario name (default directory), a variant name, and the last part of --out.
            string[] hostile =
            [
                "..", ".", "", "../../escaped", "/etc/passwd", "a\nb", "a\u001b[31mred", "a\0b", "$(touch PWNED)", "-rf", " ", "é€𝄞",
                new string('n', 300), new string('x', 300_000), "a/b", "a\\b", "CON", "nul\t",
            ];
            foreach (string name in hostile)
            {
                string dir = Path.Combine(work, "names");
                Directory.CreateDirectory(dir);
                Case("hostile name", ["run", Mmc, .. Short, "--set", $"name={name}", "--out", Path.Combine(dir, "o" + Guid.NewGuid().ToString("N"))]);
                Case("hostile name", ["compare", Mmc, .. Short, "--variant", $"{name}:arrival_rate=3", "--variant", "b:arrival_rate=4",
                    "--out", Path.Combine(dir, "c" + Guid.NewGuid().ToString("N"))]);
                if (!name.Contains('/') && name is not ("." or ".."))
                    Case("hostile name", ["run", Mmc, .. Short, "--out", Path.Combine(dir, name)]);
            }
            Assert.That(File.Exists(Path.Combine(RepositoryPaths.Root, "PWNED")) || File.Exists("PWNED"), Is.False);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        foreach (var (kind, (t, refused, valid)) in tally)
            TestContext.Progress.WriteLine($"fuzz: {kind,-20} {t,4} cases: {refused,4} refused (exit 2), {valid,4} valid (exit 0)");
        Assert.That(problems, Is.Empty, string.Join("\n\n", problems));
    }

    /// <summary>One random change to a part: a flipped byte in a unit file, or a manifest field set to a hostile value.</summary>
    private static void Tamper(string part, Random rng)
    {
        string manifestPath = Path.Combine(part, PartManifest.FileName);
        JsonNode m = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var units = m["units"]!.AsArray();
        JsonNode?[] hostileValues = [null, -1, 0, int.MaxValue, 300_000_000, "", "../../etc/hostname", "/etc/hostname", 1e300, new JsonArray(), new JsonObject(), true];
        switch (rng.Next(6))
        {
            case 0 when units.Count > 0:
                string file = Path.Combine(part, (string)units[0]!["file"]!);
                byte[] bytes = File.ReadAllBytes(file);
                bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                File.WriteAllBytes(file, bytes);
                return;
            case 1 when units.Count > 0:
                units[0]![new[] { "key", "file", "sha256" }[rng.Next(3)]] = hostileValues[rng.Next(hostileValues.Length)]?.DeepClone();
                break;
            case 2:
                m[new[] { "shard", "shards", "unit_count", "seed", "complete", "format" }[rng.Next(6)]] = hostileValues[rng.Next(hostileValues.Length)]?.DeepClone();
                break;
            case 3:
                m["spec"]!["overrides"]!.AsArray().Add(hostileValues[rng.Next(hostileValues.Length)]?.DeepClone());
                break;
            case 4:
                File.WriteAllText(manifestPath, File.ReadAllText(manifestPath)[..rng.Next(1, 200)]);
                return;
            default:
                units.Add(new JsonObject { ["key"] = "run/replication/99", ["file"] = "units/run_replication_99.json", ["sha256"] = new string('0', 64) });
                break;
        }
        File.WriteAllText(manifestPath, m.ToJsonString());
    }

    private static (int Code, string? Problem) RunArgs(string[] args, string? outDir, string label)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // A rerun of a slow case starts clean: a results directory its first run made is removed (only one that did not
        // exist before and lies inside the tests' scratch folder: --out may be a hostile name such as "..").
        int outIndex = Array.IndexOf(args, "--out");
        string? made = outDir ?? (outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null);
        bool existed = made is not null && Directory.Exists(made);
        void Reset()
        {
            if (made is not null && !existed && Directory.Exists(made) && TestScratch.Contains(made)) Directory.Delete(made, recursive: true);
        }
        var (code, _, slowProblem) = Timed(args, ref stdout, ref stderr, Reset, label);
        if (code < 0) return (-1, slowProblem);
        string err = stderr.ToString();
        string? problem = code switch
        {
            Program.BadInput when err.Trim().Length == 0 => "exit 2 without a message",
            _ when err.Contains("   at ", StringComparison.Ordinal) => "a stack trace",
            _ when err.Contains("This is a bug", StringComparison.Ordinal) => "reported as a bug",
            Program.BadInput when outDir is not null && Directory.Exists(outDir) => "exit 2 but a results directory was created",
            Program.BadInput or Program.Success => null,
            _ => $"exit {code} (a crash)",
        } ?? slowProblem;
        return (code, problem is null ? null : $"{label}: {problem}\n{(err.Length > 2000 ? err[..2000] : err)}");
    }

    private static string Describe(string[] args) =>
        string.Join(" ", args.Select(a => a.Length > 60 ? a[..60] + $"...({a.Length})" : a)).Replace("\n", "\\n", StringComparison.Ordinal);
}
