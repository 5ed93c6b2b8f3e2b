using System.Text.Json;
using HacaSim.Tests.Cli;

namespace HacaSim.Tests.Experiments;

/// <summary>Runs an experiment command into a fresh temporary directory and reads what it wrote.</summary>
internal static class ExperimentRun
{
    public static CliRun Execute(string command, string scenario, params string[] extra)
    {
        string dir = TestScratch.NewPath($"hacasim-{command}");
        var run = CliRun.Execute([command, scenario, "--out", dir, .. extra]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        return run;
    }

    public static JsonElement Json(CliRun run, string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutDir, file))).RootElement;

    /// <summary>sweep.csv as rows of column -> text.</summary>
    public static List<Dictionary<string, string>> Csv(CliRun run, string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(run.OutDir, file));
        string[] header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
