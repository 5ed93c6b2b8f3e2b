using System.Text;

namespace HacaSim.Catalog;

/// <summary>
/// The reference of every name a scenario can use (arrival processes, distributions, path policies, dispatchers,
/// queue disciplines, fault kinds) with its parameter sets, as Markdown: <c>hacasim list --markdown</c> prints it
/// and Scenarios/README.md embeds it between marker comments (a test keeps the two equal). It reads only the
/// catalogs' public description (name, description, parameter sets), so it follows every new entry.
/// </summary>
public static class CatalogReference
{
    public const string BeginMarker = "<!-- BEGIN hacasim list --markdown (generated; edit the catalogs, then paste the command's output here) -->";
    public const string EndMarker = "<!-- END hacasim list --markdown -->";

    public static string Markdown(ScenarioCatalogs c)
    {
        var sb = new StringBuilder();
        Section(sb, "Arrival processes", "traffic.arrival, traffic.classes[i].arrival: {process: NAME, ...}", c.Arrivals.Entries.Select(Row));
        Section(sb, "Distributions", "any distribution field: a bare number (deterministic) or {dist: NAME, ...}", c.Distributions.Entries.Select(Row));
        Section(sb, "Path policies", "policy: NAME or {name: NAME, ...}", c.PathPolicies.Entries.Select(Row));
        Section(sb, "Dispatchers", "pools.POOL.dispatcher", c.Dispatchers.Entries.Select(Row));
        Section(sb, "Queue disciplines", "pools.POOL.discipline", c.Disciplines.Entries.Select(Row));
        Section(sb, "Fault kinds", "faults.KIND", FaultKinds.All.Select(k => (k.Name, Parameters([k.Parameters]), k.Description)));
        Section(sb, "Interrupt rules", "faults.on_interrupt", FaultKinds.InterruptRules.Select(r => (r.Name, "", r.Description)));
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static (string Name, string Parameters, string Description) Row<T>(CatalogEntry<T> e) => (e.Name, Parameters(e.ParameterSets), e.Description);

    private static string Parameters(IReadOnlyList<ParameterSet> sets) =>
        sets.All(p => p.Required.Count == 0 && p.Optional.Count == 0 && p.OtherKeys is null)
            ? "(none)"
            : string.Join(" or ", sets.Select(p => $"`{{{p}}}`"));

    private static void Section(StringBuilder sb, string title, string where, IEnumerable<(string Name, string Parameters, string Description)> rows)
    {
        sb.Append("### ").Append(title).Append(" (`").Append(where).Append("`)\n\n");
        sb.Append("| name | parameter sets (`[optional]`) | what it is |\n|---|---|---|\n");
        foreach (var (name, parameters, description) in rows)
            sb.Append("| `").Append(name).Append("` | ").Append(Cell(parameters)).Append(" | ").Append(Cell(description)).Append(" |\n");
        sb.Append('\n');
    }

    // A table cell: one line, and a literal '|' escaped so it does not end the cell.
    private static string Cell(string text) => text.Replace("\r", "").Replace("\n", " ").Replace("|", "\\|");
}
