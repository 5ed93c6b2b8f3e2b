using System.CommandLine;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary>Arguments and options shared by the commands that read a scenario.</summary>
internal static class CommonOptions
{
    public static Argument<string> Scenario() => new("SCENARIO") { Description = "Scenario YAML file (see Scenarios/README.md)." };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override a declared parameter (NAME=VALUE) or any key path (a.b.c=VALUE); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Replace an existing --out, only if it is an earlier HACA-sim results directory (without it, an existing --out is refused).",
    };
}
