using System.CommandLine;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim validate SCENARIO</c>: check a scenario without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter? stderr = null)
    {
        var scenario = CommonOptions.Scenario();
        var set = CommonOptions.Set();
        var command = new Command("validate", "Check a scenario file and print a one-line description; exit 2 with every problem if it is invalid.\n\n" +
            "Example:\n  hacasim validate Scenarios/baseline.yaml --set arrival_rate=8") { scenario, set };
        command.SetAction(parse =>
        {
            var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!, parse.GetValue(set) ?? []);
            foreach (string warning in loaded.Warnings) (stderr ?? Console.Error).WriteLine($"warning: {warning}");
            var s = loaded.Scenario;
            stdout.WriteLine($"{loaded.SourcePath}: valid scenario \"{s.Name}\": {s.Traffic.Classes.Count} request class(es), " +
                $"{s.Pools.Count} pool(s), {s.Run.DurationSeconds} s x {s.Run.Replications} replication(s)");
            foreach (string p in loaded.UnusedParameters)
                stdout.WriteLine($"warning: parameter \"{p}\" is declared but nothing in the scenario uses it (no ${{{p}}}); --set, --param and --variant refuse it");
            return Program.Success;
        });
        return command;
    }
}
