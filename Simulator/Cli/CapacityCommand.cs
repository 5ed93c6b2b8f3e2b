using System.CommandLine;
using HacaSim.Capacity;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim capacity SCENARIO</c>: offered load per pool and for the chain, and the analytic knee, without simulating.</summary>
internal static class CapacityCommand
{
    public static Command Create(TextWriter stdout)
    {
        var scenario = CommonOptions.Scenario();
        var set = CommonOptions.Set();
        var command = new Command("capacity", "Print each pool's and the chain's offered load (rho) at the scenario's arrival rate, " +
            "the arrival rate where it reaches 1, and the bottleneck; no simulation.\n\n" +
            "Example:\n  hacasim capacity Scenarios/baseline.yaml --set arrival_rate=8") { scenario, set };
        command.SetAction(parse =>
        {
            var s = ScenarioLoader.Load(parse.GetValue(scenario)!, parse.GetValue(set) ?? []).Scenario;
            stdout.Write(CapacityWriter.Table(s.Name, CapacityModel.Analyse(s, ScenarioCatalogs.Default)));
            return Program.Success;
        });
        return command;
    }
}
