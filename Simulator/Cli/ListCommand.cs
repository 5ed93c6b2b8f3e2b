using System.CommandLine;
using HacaSim.Catalog;

namespace HacaSim.Cli;

/// <summary><c>hacasim list</c>: every name a scenario can use, with its description and parameter sets, read from the catalogs.</summary>
internal static class ListCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("list", "Print the catalogue: path policies, dispatchers, queue disciplines, arrival processes and " +
            "distributions, each with its description and parameter sets.");
        command.SetAction(_ =>
        {
            ScenarioCatalogs c = ScenarioCatalogs.Default;
            Section(stdout, "Path policies (policy: {name: NAME, ...})", c.PathPolicies);
            Section(stdout, "Dispatchers (pools.POOL.dispatcher)", c.Dispatchers);
            Section(stdout, "Queue disciplines (pools.POOL.discipline)", c.Disciplines);
            Section(stdout, "Arrival processes ({process: NAME, ...})", c.Arrivals);
            Section(stdout, "Distributions ({dist: NAME, ...})", c.Distributions);
            return Program.Success;
        });
        return command;
    }

    private static void Section<T>(TextWriter o, string title, Catalog<T> catalog)
    {
        o.WriteLine(title);
        foreach (CatalogEntry<T> e in catalog.Entries)
        {
            o.WriteLine($"  {e.Name}");
            o.WriteLine($"      {e.Description}");
            string usage = e.ParameterSets.All(p => p.Required.Count == 0 && p.Optional.Count == 0 && p.OtherKeys is null) ? "(no parameters)" : e.Usage;
            o.WriteLine($"      parameters: {usage}");
        }
        o.WriteLine();
    }
}
