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
        var markdown = new Option<bool>("--markdown")
        {
            Description = "Print the reference of every arrival process, distribution, path policy, dispatcher, discipline and fault kind " +
                "as Markdown tables (the text Scenarios/README.md embeds between its marker comments).",
        };
        command.Options.Add(markdown);
        command.SetAction(parse =>
        {
            ScenarioCatalogs c = ScenarioCatalogs.Default;
            if (parse.GetValue(markdown))
            {
                stdout.Write(CatalogReference.Markdown(c));
                return Program.Success;
            }
            Section(stdout, "Path policies (policy: {name: NAME, ...})", c.PathPolicies);
            Section(stdout, "Dispatchers (pools.POOL.dispatcher)", c.Dispatchers);
            Section(stdout, "Queue disciplines (pools.POOL.discipline)", c.Disciplines);
            Section(stdout, "Arrival processes ({process: NAME, ...})", c.Arrivals);
            Section(stdout, "Distributions ({dist: NAME, ...})", c.Distributions);
            ProofSystems(stdout);
            ExploreRanges(stdout);
            return Program.Success;
        });
        return command;
    }

    /// <summary>The proof-system catalogue, with each law at the ends of its fit range.</summary>
    private static void ProofSystems(TextWriter o)
    {
        o.WriteLine($"Proof systems (models.MODEL.proof_system, with parameters: N; {Scenarios.ProofSystemCatalog.FileName})");
        foreach (Scenarios.ProofSystem s in Scenarios.ProofSystemCatalog.All())
        {
            string At(double p) => FormattableString.Invariant(
                $"{p:G3} parameters: prove {s.ProofSecondsAt(p):G3} s, verify {s.VerifySecondsAt(p):G3} s, proof {s.ProofBytesAt(p):G3} bytes");
            o.WriteLine($"  {s.Name}");
            o.WriteLine($"      {s.Description}");
            o.WriteLine(FormattableString.Invariant($"      hardware {s.Hardware}; verify gas {s.VerifyGas:G6}; fit range {s.FitMinParameters:G3}-{s.FitMaxParameters:G3} parameters"));
            o.WriteLine($"      at {At(s.FitMinParameters)}");
            o.WriteLine($"      at {At(s.FitMaxParameters)}");
        }
        o.WriteLine();
    }

    /// <summary>What <c>hacasim explore --param NAME=RANGE</c> and <c>--method</c> accept.</summary>
    private static void ExploreRanges(TextWriter o)
    {
        o.WriteLine("Explore input ranges (hacasim explore --param NAME=RANGE; NAME as sweep --param and --set name it)");
        o.WriteLine("  uniform(a,b)         every value in [a, b] equally likely (a < b)");
        o.WriteLine("  loguniform(a,b)      log(x) uniform on [log a, log b] (0 < a < b): for ranges spanning decades");
        o.WriteLine("  int(a,b)             the integers a..b, both included, equally likely");
        o.WriteLine("  choice(v1,v2,...)    one of the listed values (numbers or words), equally likely");
        o.WriteLine("Explore methods (--method)");
        o.WriteLine("  lhs                  Latin hypercube of --samples N points; standardised rank regression coefficients (SRRC)");
        o.WriteLine($"  sobol                Saltelli's design on a scrambled Sobol sequence, N x (k+2) runs for k <= {Analysis.Sensitivity.SaltelliDesign.MaxInputs} inputs; first-order and total Sobol indices");
        o.WriteLine();
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
