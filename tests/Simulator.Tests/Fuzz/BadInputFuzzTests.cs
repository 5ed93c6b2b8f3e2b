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

    /// <summary>A case still running after this is a hang, whatever the machine's load.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(120);

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
                        var (code, problem, _) = RunCase(file, $"{kind} of {Path.GetFileName(source)} #{i}");
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
            var (hugeCode, hugeProblem, hugeErr) = RunCase(huge, "a 50 MB file");
            if (hugeProblem is not null) problems.Add(hugeProblem);
            // Refused from the file's size before reading it: that check's message counts bytes (reading the text first
            // would end in the scenario text's own limit, counted in characters), whatever the machine's load.
            if (hugeCode != Program.BadInput || !hugeErr.Contains(" bytes; the limit is 10485760", StringComparison.Ordinal))
                problems.Add($"a 50 MB file: exit {hugeCode}; expected exit 2 from the file-size check before reading:\n{hugeErr}");
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

    /// <summary>Runs one file; returns its exit code, what is wrong with the outcome, if anything, and its stderr.</summary>
    private static (int Code, string? Problem, string Stderr) RunCase(string file, string label)
    {
        string outDir = file + ".out";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var (code, _, slowProblem) = Timed(["run", file, "--out", outDir, "--duration", "50", "--warmup", "0", "--quiet"], ref stdout, ref stderr,
            () => { if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true); }, label);
        if (code < 0) return (-1, slowProblem, stderr.ToString());
        string err = stderr.ToString();
        string? problem = code switch
        {
            Program.BadInput when err.Trim().Length == 0 => "exit 2 without a message",
            Program.BadInput when err.Contains("   at ", StringComparison.Ordinal) => "exit 2 with a stack trace",
            Program.BadInput when Directory.Exists(outDir) => "exit 2 but a results directory was created",
            Program.Success when !File.Exists(Path.Combine(outDir, "summary.json")) || IncompleteMarker.IsIncomplete(outDir) => "exit 0 without a complete results directory",
            Program.BadInput or Program.Success => null,
            _ => $"exit {code} (a crash)",
        } ?? slowProblem;
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        if (problem is null) return (code, null, err);
        // Keep the failing input for a rerun by hand: hacasim run <it> --out x --duration 50 --warmup 0
        string kept = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures");
        Directory.CreateDirectory(kept);
        File.Copy(file, Path.Combine(kept, Path.GetFileName(file)), overwrite: true);
        string text = new FileInfo(file).Length > 100_000 ? "(large file)" : File.ReadAllText(file);
        return (code, $"{label} ({clock.Elapsed.TotalSeconds:0.00} s): {problem}\n{err.Trim()}\n--- {text[..Math.Min(3000, text.Length)]}", err);
    }

    /// <summary>
    /// Runs one command in process with the per-case limit. A case that ends after <see cref="CaseLimit"/> (the tests
    /// share a 2-core machine with builds; under load a 1-s case has taken 10) runs once more from a clean start
    /// (<paramref name="reset"/>) and fails only if it is slow again: a case slow in itself is slow both times. One
    /// still running after <see cref="HangLimit"/> is a hang. Returns code -1 and the problem for a hang; otherwise the
    /// code of the last run and, if both runs were slow, the problem.
    /// </summary>
    private static (int Code, TimeSpan Elapsed, string? SlowProblem) Timed(string[] args, ref StringWriter stdout, ref StringWriter stderr, Action reset,
        string label)
    {
        var times = new List<TimeSpan>();
        int code = -1;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            if (attempt > 0)
            {
                reset();
                (stdout, stderr) = (new StringWriter(), new StringWriter());
            }
            StringWriter o = stdout, e = stderr;
            var clock = Stopwatch.StartNew();
            var run = Task.Run(() => Program.Execute(args, o, e));
            if (!run.Wait(HangLimit)) return (-1, clock.Elapsed, $"{label}: still running after {HangLimit.TotalSeconds} s");
            times.Add(clock.Elapsed);
            code = run.Result;
            if (clock.Elapsed <= CaseLimit) return (code, clock.Elapsed, null);
        }
        return (code, times[^1], $"{label}: took {string.Join(" s, then ", times.Select(t => t.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s; " +
            $"the limit is {CaseLimit.TotalSeconds} s per case");
    }
}
