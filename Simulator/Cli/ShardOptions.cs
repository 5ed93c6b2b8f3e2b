using System.CommandLine.Parsing;
using System.CommandLine;
using HacaSim.Experiments.Sharding;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary>
/// <c>--shard K/N</c> for the experiment commands, and the <see cref="UnitExecution"/> a command line asks for:
/// all units here, one shard of them into a part directory, or (for <c>hacasim merge</c>) the units read from parts.
/// </summary>
internal sealed class ShardOptions
{
    /// <summary>Options that do not change any result, left out of the experiment's identity and of the merge's command line.</summary>
    public static readonly string[] NotIdentity = ["--shard", "--out", "--force", "--threads", "--quiet"];

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Run only the K-th of N slices of the work units (K from 0) and write a partial result directory to --out " +
            "(manifest.json, units/); 'hacasim merge' turns the N parts into the usual results, byte for byte.",
    };

    public void AddTo(Command command) => command.Options.Add(Shard);

    /// <summary>Where the units of <paramref name="spec"/> come from: here, one shard (--shard), or a merge's parts.</summary>
    /// <param name="scenario">Loads the scenario the units start from (only when sharded or merged, so a local run's errors stay as they were).</param>
    /// <param name="legacyExtraOptions">For parts of format hacasim-part/1: what their identity hashed besides the command line (a compare's variants).</param>
    public static UnitExecution Execution(ExperimentContext context, ExperimentSpec spec, Func<LoadedScenario> scenario,
        IEnumerable<string>? legacyExtraOptions = null)
    {
        if (context.Shard is null && context.Merged is null) return UnitExecution.Local;
        if (context.Shard is not null && context.Merged is not null) throw new InputException("--shard: a merge's parts are already shards");
        LoadedScenario loaded = scenario();
        ExperimentIdentity identity;
        if (context.Merged is { Identity.Spec: null } && context.LegacyParse is { } parse)
        {
            var (arguments, options) = Canonical(parse);
            identity = ExperimentIdentity.Legacy(spec.Kind.Key(), arguments, loaded.ResolvedYaml, options.Concat(legacyExtraOptions ?? []), loaded.Scenario.Run.Seed);
        }
        else identity = ExperimentIdentity.Of(spec, loaded.ResolvedYaml, loaded.Scenario.Run.Seed);
        if (context.Merged is not null) return UnitExecution.FromParts(identity, context.Merged);
        return UnitExecution.ForShard(identity, Experiments.Sharding.Shard.Parse(context.Shard!));
    }

    /// <summary>
    /// The command line without the options in <see cref="NotIdentity"/>: positional arguments first, then the
    /// options given, sorted by name (repeated ones in their order, which matters: the first variant is the
    /// baseline). The options alone (without the scenario path, which the scenario hash covers) are hashed.
    /// </summary>
    public static (List<string> Arguments, List<string> Options) Canonical(ParseResult parse)
    {
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens.Select(t => t.Value)).ToList();
        var options = new List<string>();
        foreach (OptionResult o in parse.CommandResult.Children.OfType<OptionResult>()
                     .Where(o => !o.Implicit && !NotIdentity.Contains(o.Option.Name))
                     .OrderBy(o => o.Option.Name, StringComparer.Ordinal))
        {
            if (o.Tokens.Count == 0) options.Add(o.Option.Name);
            foreach (Token t in o.Tokens) options.AddRange([o.Option.Name, t.Value]);
        }
        return ([.. positional, .. options], options);
    }

    /// <summary>What a shard prints: where its part went and what it holds.</summary>
    public static void PrintPart(TextWriter stdout, string dir)
    {
        PartManifest m = PartManifest.Read(dir);
        stdout.WriteLine($"shard {m.Shard}: {m.Units.Count} of {m.UnitCount} units written to {Path.GetFullPath(dir)}; " +
            "merge all the parts with 'hacasim merge --out DIR PART_DIR...'");
    }
}
