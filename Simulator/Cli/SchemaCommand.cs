using System.CommandLine;
using HacaSim.Catalog;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim schema</c>: the scenario format's JSON Schema, generated from the binder and the catalogs.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the scenario format, generated from the loader's " +
            "keys and the catalogs; Scenarios/scenario.schema.json is its committed copy (editors use it for completion and checks).");
        command.SetAction(_ =>
        {
            stdout.Write(ScenarioSchema.Json(ScenarioCatalogs.Default));
            return Program.Success;
        });
        return command;
    }
}
