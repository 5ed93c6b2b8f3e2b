using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>Malformed scenarios through the command: exit 2, the file:line in the message, no stack trace, nothing written.</summary>
public class BadInputTests
{
    [TestCaseSource(typeof(ErrorCases), nameof(ErrorCases.All))]
    public void A_malformed_scenario_exits_2_with_its_location_and_writes_nothing(string yaml, string[] overrides, string[] expected)
    {
        string dir = TestScratch.NewPath("hacasim-bad");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "t.yaml");
        File.WriteAllText(file, yaml);
        string outDir = Path.Combine(dir, "out");
        var args = new List<string> { "run", file, "--out", outDir };
        foreach (string o in overrides) args.AddRange(["--set", o]);
        var run = CliRun.Execute([.. args]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
            foreach (string e in expected) Assert.That(run.Stderr, Does.Contain(e));
            Assert.That(run.Stderr, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(outDir), Is.False, "no output directory");
        });
    }

    [TestCase("run")]
    [TestCase("run", "a.yaml", "--seed", "minus-one")]
    [TestCase("run", "a.yaml", "--replications")]
    [TestCase("frobnicate")]
    public void Bad_command_lines_exit_2(params string[] args)
    {
        var run = CliRun.Execute(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stderr);
        Assert.That(run.Stderr, Does.Contain("error"));
    }

    [Test]
    public void A_missing_file_exits_2_and_names_it()
    {
        var run = CliRun.Execute("validate", "no/such/scenario.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("no/such/scenario.yaml"));
    }

    [Test]
    public void Validate_accepts_every_shipped_scenario()
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "Scenarios"), "*.yaml", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}invalid{Path.DirectorySeparatorChar}"))
                     // profiles/ holds the (model, GPU) catalogue, not scenarios; LlmProfileTests loads every entry.
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}profiles{Path.DirectorySeparatorChar}")))
        {
            var run = CliRun.Execute("validate", file);
            Assert.That(run.ExitCode, Is.EqualTo(0), $"{file}: {run.Stderr}");
        }
    }
}
