using System.Diagnostics;
using HacaSim.Cli;
using HacaSim.Experiments.Output;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Fuzz;

/// <summary>
/// Seeded random damage to the shipped scenarios, run through <c>hacasim run</c> in-process. Bad input must
/// give exit 2 with a message and no stack trace and leave no results directory; a mutation that happens to stay
/// valid must run to completion (exit 0). Exit 1 (a crash: a bug in HACA-sim) never. Each case within 10 s.
/// </summary>
public partial class BadInputFuzzTests
{
    /// <summary>Per kind and shipped scenario; HACASIM_FUZZ_COUNT=N and HACASIM_FUZZ_SEED=S explore further.</summary>
    private static readonly int PerKindPerScenario = int.TryParse(Environment.GetEnvironmentVariable("HACASIM_FUZZ_COUNT"), out int n) ? n : 10;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("HACASIM_FUZZ_SEED"), out int s) ? s : 8;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

    private static IEnumerable<string> Sources()
    {
        string dir = RepositoryPaths.Scenario("");
        return new[] { Path.Combine(dir, "baseline.yaml") }
            .Concat(Directory.EnumerateFiles(Path.Combine(dir, "validation"), "*.yaml").Order(StringComparer.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(dir, "hypotheses"), "*.yaml").Order(StringComparer.Ordinal));
    }

    [Test]
    public void Mutated_scenarios_exit_0_or_2_and_never_crash()
    {
        string work = TestScratch.NewPath("hacasim-fuzz");
        Directory.CreateDirectory(work);
        var clock = Stopwatch.StartNew();
        var tried = new SortedDictionary<string, (int Tried, int Refused, int Valid)>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            int n = 0, kindIndex = 0;
            foreach (var (kind, mutate) in ScenarioMutations.Kinds)
            {
                var rng = new Random(Seed * 100 + kindIndex++); // its own stream per kind: adding a kind changes no other
                foreach (string source in Sources())
                {
                    string text = File.ReadAllText(source);
                    for (int i = 0; i < PerKindPerScenario; i++)
                    {
                        string file = Path.Combine(work, $"case{n++}.yaml");
                        File.WriteAllBytes(file, mutate(text, rng));
                        var (code, problem) = RunCase(file, $"{kind} of {Path.GetFileName(source)} #{i}");
                        if (problem is not null) problems.Add(problem);
                        var t = tried.GetValueOrDefault(kind);
                        tried[kind] = (t.Tried + 1, t.Refused + (code == Program.BadInput ? 1 : 0), t.Valid + (code == Program.Success ? 1 : 0));
                    }
                }
            }
            // A file far beyond the 10 MB limit is refused from its size alone, quickly.
            string huge = Path.Combine(work, "huge.yaml");
            using (var stream = File.Create(huge))
            {
                byte[] line = "# padding padding padding padding padding padding padding padding padding\n"u8.ToArray();
                for (long written = 0; written < 50L * 1024 * 1024; written += line.Length) stream.Write(line);
            }
            var sizeClock = Stopwatch.StartNew();
            var (hugeCode, hugeProblem) = RunCase(huge, "a 50 MB file");
            if (hugeProblem is not null) problems.Add(hugeProblem);
            if (hugeCode != Program.BadInput || sizeClock.Elapsed > TimeSpan.FromSeconds(1))
                problems.Add($"a 50 MB file: exit {hugeCode} after {sizeClock.Elapsed.TotalSeconds:0.00} s; expected exit 2 from the size limit within 1 s");
            tried["50 MB file"] = (1, hugeCode == Program.BadInput ? 1 : 0, 0);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        foreach (var (kind, (t, refused, valid)) in tried)
            TestContext.Progress.WriteLine($"fuzz: {kind,-16} {t,4} mutations: {refused,4} refused (exit 2), {valid,4} still valid and ran (exit 0)");
        TestContext.Progress.WriteLine($"fuzz: {tried.Values.Sum(v => v.Tried)} mutations in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(problems, Is.Empty, string.Join("\n\n", problems));
    }

    /// <summary>Runs one file; returns its exit code and what is wrong with the outcome, if anything.</summary>
    private static (int Code, string? Problem) RunCase(string file, string label)
    {
        string outDir = file + ".out";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => Program.Execute(["run", file, "--out", outDir, "--duration", "50", "--warmup", "0", "--quiet"], stdout, stderr));
        if (!run.Wait(CaseLimit)) return (-1, $"{label}: still running after {CaseLimit.TotalSeconds} s");
        int code = run.Result;
        string err = stderr.ToString();
        string? problem = code switch
        {
            Program.BadInput when err.Trim().Length == 0 => "exit 2 without a message",
            Program.BadInput when err.Contains("   at ", StringComparison.Ordinal) => "exit 2 with a stack trace",
            Program.BadInput when Directory.Exists(outDir) => "exit 2 but a results directory was created",
            Program.Success when !File.Exists(Path.Combine(outDir, "summary.json")) || IncompleteMarker.IsIncomplete(outDir) => "exit 0 without a complete results directory",
            Program.BadInput or Program.Success => null,
            _ => $"exit {code} (a crash)",
        };
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        if (problem is null) return (code, null);
        // Keep the failing input for a rerun by hand: hacasim run <it> --out x --duration 50 --warmup 0
        string kept = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures");
        Directory.CreateDirectory(kept);
        File.Copy(file, Path.Combine(kept, Path.GetFileName(file)), overwrite: true);
        string text = new FileInfo(file).Length > 100_000 ? "(large file)" : File.ReadAllText(file);
        return (code, $"{label} ({clock.Elapsed.TotalSeconds:0.00} s): {problem}\n{err.Trim()}\n--- {text[..Math.Min(3000, text.Length)]}");
    }
}
