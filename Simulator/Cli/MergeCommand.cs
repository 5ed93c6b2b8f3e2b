using System.CommandLine;
using HacaSim.Experiments.Sharding;

namespace HacaSim.Cli;

/// <summary>
/// <c>hacasim merge --out DIR PART_DIR...</c>: checks that the parts written by <c>--shard K/N</c> make one
/// complete experiment, then runs the shards' command from the manifests' typed experiment spec with the units read
/// from the parts instead of run, so DIR gets exactly the files the unsharded command writes. Parts written before the
/// spec (manifest format hacasim-part/1) hold the canonical command line instead, which is parsed again.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var outDir = new Option<string>("--out") { Description = "Results directory for the merged experiment.", Required = true };
        var force = CommonOptions.Force();
        var parts = new Argument<string[]>("PART_DIR") { Description = "The part directories (each the --out of one --shard K/N run).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Merge the partial result directories of a sharded run, sweep, compare or explore (--shard K/N) into the " +
            "results the unsharded command writes, byte for byte. Refuses (exit 2, writing nothing) parts of different experiments, " +
            "incomplete parts, and missing or duplicated units.\n\n" +
            "Example:\n  hacasim sweep s.yaml --param arrival_rate=6:14:1 --shard 0/2 --out parts/0\n" +
            "  hacasim sweep s.yaml --param arrival_rate=6:14:1 --shard 1/2 --out parts/1\n  hacasim merge --out results/sweep parts/0 parts/1")
        {
            outDir, force, parts,
        };
        command.SetAction(parse =>
        {
            PartSet set = PartSet.Load(parse.GetValue(parts)!);
            ExperimentIdentity id = set.Identity;
            if (id.Spec is { } spec)
            {
                // The parts carry the typed experiment: run its write step with the units read from the parts.
                var context = new ExperimentContext(stdout, stderr, parse.GetValue(outDir), parse.GetValue(force), Quiet: false, Environment.ProcessorCount,
                    Shard: null, set, Cancel: cancel);
                return spec.Kind switch
                {
                    ExperimentKind.Run => RunCommand.Execute(spec, context, ["merge", "--out", parse.GetValue(outDir)!]),
                    ExperimentKind.Sweep => SweepCommand.Execute(spec, context),
                    ExperimentKind.Compare => CompareCommand.Execute(spec, context),
                    _ => ExploreCommand.Execute(spec, context),
                };
            }
            // Parts of format hacasim-part/1 recorded the command line: replayed, with the units read from the parts.
            Command replay = id.Command switch
            {
                "run" => RunCommand.Create(stdout, cancel, ["merge", "--out", parse.GetValue(outDir)!], set, stderr),
                "sweep" => SweepCommand.Create(stdout, set, stderr),
                "compare" => CompareCommand.Create(stdout, set, stderr),
                "explore" => ExploreCommand.Create(stdout, set, stderr),
                _ => throw new InputException($"merge: the parts come from '{id.Command}', which cannot be sharded"),
            };
            ParseResult again = new RootCommand { replay }.Parse([id.Command, .. id.Arguments, "--out", parse.GetValue(outDir)!,
                .. parse.GetValue(force) ? new[] { "--force" } : []]);
            if (again.Errors.Count > 0)
                throw new InputException($"merge: the parts' command line no longer parses: {string.Join("; ", again.Errors.Select(e => e.Message))}");
            return again.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        });
        return command;
    }
}
