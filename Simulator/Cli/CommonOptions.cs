using System.CommandLine;

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
}
