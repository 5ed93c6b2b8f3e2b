using System.CommandLine;
using System.Globalization;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Sharding;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary>
/// The run options the experiment commands share with <c>hacasim run</c> (--replications, --seed, --duration,
/// --warmup, --threads, --out, --set, --quiet), turned into key-path overrides so each case's resolved
/// scenario records them.
/// </summary>
internal sealed class ExperimentOptions
{
    public Argument<string> Scenario { get; } = CommonOptions.Scenario();
    public Option<string[]> Set { get; } = CommonOptions.Set();
    public Option<string?> Out { get; } = new("--out") { Description = "Results directory [default: results/<command>/<scenario>-<timestamp>/]." };
    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Run seed (overrides run.seed); every case uses it (common random numbers)." };
    public Option<int?> Replications { get; } = new("--replications") { Description = "Replications per case (overrides run.replications)." };
    public Option<double?> Duration { get; } = new("--duration") { Description = "Simulated seconds (overrides run.duration_s)." };
    public Option<double?> Warmup { get; } = new("--warmup") { Description = "Seconds cut from the start of statistics (overrides run.warmup_s)." };
    public Option<int> Threads { get; } = new("--threads") { Description = "Work units run in parallel; output is identical for any value.", DefaultValueFactory = _ => Environment.ProcessorCount };
    public Option<bool> Quiet { get; } = new("--quiet") { Description = "Print only the results directory." };
    public Option<bool> Force { get; } = CommonOptions.Force();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Scenario);
        foreach (Option o in new Option[] { Out, Force, Seed, Replications, Duration, Warmup, Set, Threads, Quiet }) command.Options.Add(o);
    }

    public List<string> Overrides(ParseResult parse)
    {
        var overrides = new List<string>(parse.GetValue(Set) ?? []);
        if (parse.GetValue(Seed) is { } s) overrides.Add($"run.seed={s.ToString(CultureInfo.InvariantCulture)}");
        if (parse.GetValue(Replications) is { } r) overrides.Add($"run.replications={r.ToString(CultureInfo.InvariantCulture)}");
        if (parse.GetValue(Duration) is { } d) overrides.Add($"run.duration_s={d.ToString("R", CultureInfo.InvariantCulture)}");
        if (parse.GetValue(Warmup) is { } w) overrides.Add($"run.warmup_s={w.ToString("R", CultureInfo.InvariantCulture)}");
        return overrides;
    }

    public int ThreadCount(ParseResult parse)
    {
        int threads = parse.GetValue(Threads);
        if (threads < 1) throw new InputException($"--threads {threads}: must be at least 1");
        return threads;
    }

    /// <summary>How this command line runs (output, threads, --shard), the units from <paramref name="merged"/> when a merge replays it.</summary>
    public ExperimentContext Context(ParseResult parse, ShardOptions shard, TextWriter stdout, TextWriter? stderr, PartSet? merged) =>
        new(stdout, stderr, parse.GetValue(Out), parse.GetValue(Force), parse.GetValue(Quiet), ThreadCount(parse), parse.GetValue(shard.Shard), merged,
            merged is not null ? parse : null);

    /// <summary>Checks --out (or picks the default results/COMMAND/SCENARIO-TIMESTAMP) and creates its staging directory.</summary>
    public static ResultDirectory Claim(ExperimentContext context, ExperimentSpec spec) =>
        Claim(context.Out, context.Force, spec.Kind.Key(), spec.Scenario, context.Stderr);

    /// <summary>The same for a command that is not sharded (plan).</summary>
    public ResultDirectory Claim(ParseResult parse, string command, TextWriter? stderr) =>
        Claim(parse.GetValue(Out), parse.GetValue(Force), command, parse.GetValue(Scenario)!, stderr);

    private static ResultDirectory Claim(string? outDir, bool force, string command, string scenario, TextWriter? stderr)
    {
        var dir = ResultDirectory.Claim(outDir, ResultDirectory.DefaultPath(command, Path.GetFileNameWithoutExtension(scenario) ?? ""), force);
        if (dir.LeftoverNote() is { Length: > 0 } note) (stderr ?? TextWriter.Null).WriteLine(note);
        return dir;
    }

    /// <summary>
    /// A sharded experiment's common end (sweep, compare, explore): claims its results directory, runs
    /// <paramref name="run"/> into it (<see cref="Into"/>) and gives the directory's final path. A shard's run returns
    /// null; its part is printed here, and the caller has nothing more to show.
    /// </summary>
    public static T? IntoClaimed<T>(ExperimentContext context, ExperimentSpec spec, Func<string, T?> run, out string dir) where T : class
    {
        ResultDirectory target = Claim(context, spec);
        T? result = Into(target, run);
        dir = target.Target;
        if (result is null) ShardOptions.PrintPart(context.Stdout, dir);
        return result;
    }

    /// <summary>Runs <paramref name="write"/> into the staging directory, then renames it into place; on any failure nothing is left.</summary>
    public static T Into<T>(ResultDirectory dir, Func<string, T> write)
    {
        T result;
        try
        {
            result = write(dir.Staging);
            dir.Complete();
        }
        catch
        {
            dir.Abandon(keepIncomplete: false);
            throw;
        }
        return result;
    }
}
