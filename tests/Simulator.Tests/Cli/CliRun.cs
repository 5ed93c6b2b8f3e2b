using System.Text.Json;
using HacaSim.Cli;

namespace HacaSim.Tests.Cli;

/// <summary>Runs <c>hacasim</c> in-process, as a user would from the shell, and reads what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, string OutDir)
{
    public static CliRun Execute(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Execute(args, stdout, stderr);
        int outIndex = Array.IndexOf(args, "--out");
        return new CliRun(code, stdout.ToString(), stderr.ToString(), outIndex >= 0 ? args[outIndex + 1] : "");
    }

    /// <summary>Runs a scenario into a fresh temporary directory.</summary>
    public static CliRun Run(string scenario, params string[] extra)
    {
        string dir = TestScratch.NewPath("hacasim-test");
        var run = Execute(["run", scenario, "--out", dir, "--quiet", .. extra]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        return run;
    }

    public JsonElement Summary => JsonDocument.Parse(File.ReadAllText(Path.Combine(OutDir, "summary.json"))).RootElement;

    public byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(OutDir, file));
}
