using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using HacaSim.Scenarios.Loading;

namespace HacaSim.Cli;

/// <summary>
/// <c>hacasim slurm COMMAND ARGS... --tasks N [--submit]</c>: writes a job array of N shards of a run, sweep or
/// compare and a merge job that depends on it (<see cref="SlurmJobScripts"/>), and with --submit hands both to
/// sbatch. Everything that is not a slurm option is the experiment's own command line, passed on unchanged.
/// </summary>
internal static partial class SlurmCommand
{
    private static readonly string[] Sharded = ["run", "sweep", "compare", "explore"];

    /// <summary>Array tasks at most: Slurm's own MaxArraySize defaults to 1001; this bound only stops absurd values (2^31).</summary>
    public const int MaxTasks = 100_000;

    /// <summary>Options every shard would refuse (they do not split into independent units).</summary>
    private static readonly string[] NotShardable = ["--precision", "--precision-metric", "--max-replications", "--log-requests"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var tasks = new Option<int>("--tasks") { Description = "Array tasks, one shard each (--shard K/N, N = tasks).", Required = true };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition for both jobs [default: the cluster's]." };
        var time = new Option<string?>("--time") { Description = "Time limit per job, e.g. 01:00:00 [default: the partition's]." };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "CPUs per array task; the shard runs that many threads [default: 1]." };
        var submit = new Option<bool>("--submit") { Description = "Submit both jobs with sbatch and print their ids (else print how to)." };
        var hacasim = new Option<string?>("--hacasim")
        {
            Description = "The hacasim executable the jobs run, on a path the nodes see [default: this single-file hacasim, else 'dotnet <this hacasim.dll>'].",
        };
        var work = new Option<string?>("--work") { Description = "Directory for the scripts, parts and logs [default: OUT.slurm, beside the experiment's --out]." };
        var command = new Command("slurm", "Scale an experiment out on Slurm: a job array with one --shard K/N task per array index, and a merge job " +
            "that runs once all succeeded and writes the unsharded command's results to its --out. The experiment's files (scenario, OUT) must " +
            "be on a file system the nodes share.\n\n" +
            "Example:\n  hacasim slurm sweep Scenarios/baseline.yaml --param arrival_rate=6:14:1 --replications 4 --out /shared/sweep --tasks 8 --submit")
        {
            tasks, partition, time, cpus, submit, hacasim, work,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var inner = parse.UnmatchedTokens.ToList();
            if (inner.Count == 0 || !Sharded.Contains(inner[0]))
                throw new InputException($"slurm: expected the experiment's command first ({string.Join(", ", Sharded)}) and its arguments, e.g. " +
                    "'hacasim slurm sweep SCENARIO --param NAME=V1,V2 --out DIR --tasks 4'");
            int n = parse.GetValue(tasks);
            if (n < 1 || n > MaxTasks)
                throw new InputException($"--tasks {n}: must be from 1 to {MaxTasks} (one shard per array task; more tasks than work units only adds empty parts)");
            if (parse.GetValue(cpus) is { } c && c < 1) throw new InputException($"--cpus-per-task {c}: must be at least 1");
            string? p = parse.GetValue(partition), t = parse.GetValue(time);
            if (p is not null && !SlurmWord().IsMatch(p)) throw new InputException($"--partition {p}: not a partition name");
            if (t is not null && !SlurmWord().IsMatch(t)) throw new InputException($"--time {t}: expected a Slurm time such as 01:30:00 or 2-00:00:00");
            if (inner.Any(a => a == "--shard" || a.StartsWith("--shard=", StringComparison.Ordinal)))
                throw new InputException("slurm: leave --shard out; each array task gets its own");
            string outText = TakeOut(inner)
                ?? throw new InputException("slurm: the experiment needs --out DIR (on a shared file system): the merge job writes the results there");
            bool force = inner.Remove("--force");
            // Every word ends up in a bash script: quoting makes any text safe there, but a control character in a
            // path or argument is never meant, and a newline would end an #SBATCH line.
            foreach (string a in inner.Append(outText).Concat(parse.GetValue(work) is { } w0 ? [w0] : []).Concat(parse.GetValue(hacasim) is { } h0 ? [h0] : []))
                if (a.Any(char.IsControl)) throw new InputException($"slurm: the argument {Printable(a)} contains a control character (newline, NUL, ...); refused");
            string outDir = Path.GetFullPath(outText);
            if (Directory.Exists(outDir) && !force)
                throw new InputException($"slurm: --out {outDir} already exists, and the merge job would refuse it; give a new directory, or --force");
            if (File.Exists(outDir)) throw new InputException($"slurm: --out {outDir} is a file; give a directory path");
            CheckParses(inner, n);
            string workDir = Path.GetFullPath(parse.GetValue(work) ?? outDir.TrimEnd('/') + ".slurm");
            if (File.Exists(workDir)) throw new InputException($"--work {workDir}: is a file; give a directory for the scripts, parts and logs");
            // #SBATCH lines are read by sbatch, not bash: the log path is double-quoted there, so these cannot be in it
            // ('%' would also be taken as a Slurm file-name pattern).
            if (workDir.IndexOfAny(['"', '\\', '%', '#']) >= 0)
                throw new InputException($"--work {workDir}: must not contain '\"', '\\', '%' or '#' (the log path goes into #SBATCH --output)");
            var scripts = new SlurmJobScripts(Executable(parse.GetValue(hacasim)), inner, n, outDir, workDir, Environment.CurrentDirectory, p, t, parse.GetValue(cpus))
            {
                Force = force,
            };
            try
            {
                scripts.Write();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--work {workDir}: cannot write the scripts there ({e.Message})");
            }
            stdout.WriteLine($"wrote {scripts.ArrayScript} ({n} array tasks, parts in {scripts.PartsDir}) and {scripts.MergeScript} (merge into {outDir})");
            if (!parse.GetValue(submit))
            {
                stdout.WriteLine("submit with:");
                stdout.WriteLine($"  array=$(sbatch --parsable {SlurmJobScripts.Quote(scripts.ArrayScript)}) && " +
                    $"sbatch --parsable --dependency=afterok:${{array%%;*}} {SlurmJobScripts.Quote(scripts.MergeScript)}");
                return Program.Success;
            }
            string arrayId, mergeId;
            try
            {
                arrayId = Sbatch(scripts.ArrayScript);
                mergeId = Sbatch($"--dependency=afterok:{arrayId}", scripts.MergeScript);
            }
            catch (SubmitException e)
            {
                // Not bad input and not a bug: the cluster said no (or there is none).
                stderr.WriteLine(e.Message);
                return Program.Failure;
            }
            stdout.WriteLine($"array job: {arrayId}");
            stdout.WriteLine($"merge job: {mergeId}");
            stdout.WriteLine($"results: {outDir} once job {mergeId} has finished (logs in {scripts.LogsDir})");
            return Program.Success;
        });
        return command;
    }

    /// <summary>Removes --out DIR (or --out=DIR) from the experiment's arguments and returns DIR.</summary>
    private static string? TakeOut(List<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--out=", StringComparison.Ordinal))
            {
                string dir = args[i]["--out=".Length..];
                args.RemoveAt(i);
                return dir;
            }
            if (args[i] == "--out" && i + 1 < args.Count)
            {
                string dir = args[i + 1];
                args.RemoveRange(i, 2);
                return dir;
            }
        }
        return null;
    }

    /// <summary>A command line that cannot parse would fail in every array task: refuse it now.</summary>
    private static void CheckParses(IReadOnlyList<string> inner, int tasks)
    {
        Command probe = inner[0] switch
        {
            "run" => RunCommand.Create(TextWriter.Null),
            "sweep" => SweepCommand.Create(TextWriter.Null),
            "explore" => ExploreCommand.Create(TextWriter.Null),
            _ => CompareCommand.Create(TextWriter.Null),
        };
        ParseResult parse = new RootCommand { probe }.Parse([.. inner, "--shard", $"0/{tasks}", "--out", "probe"]);
        if (parse.Errors.Count > 0)
            throw new InputException($"slurm: the {inner[0]} command line does not parse: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        var options = parse.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>().Where(o => !o.Implicit).ToList();
        if (options.FirstOrDefault(o => NotShardable.Contains(o.Option.Name)
                || (o.Option.Name == "--warmup" && o.Tokens.Any(t => t.Value == "auto"))) is { } bad)
            throw new InputException($"slurm: {bad.Option.Name} cannot be sharded (every array task would refuse it); run that experiment unsharded");
        // A missing or invalid scenario would fail in every task: load it now (with the --set overrides).
        var scenario = parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().SelectMany(a => a.Tokens).FirstOrDefault()?.Value
            ?? throw new InputException($"slurm: the {inner[0]} command needs a SCENARIO");
        var sets = options.Where(o => o.Option.Name == "--set").SelectMany(o => o.Tokens.Select(t => t.Value)).ToList();
        HacaSim.Scenarios.Loading.ScenarioLoader.Load(scenario, sets);
    }

    /// <summary>The command words that start this hacasim: the published file itself, else the host and hacasim.dll.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Location is empty in a single-file or Native AOT app: that emptiness is exactly the test used here.")]
    private static IReadOnlyList<string> Executable(string? given)
    {
        if (given is not null) return [Path.GetFullPath(given)];
        string dll = typeof(Program).Assembly.Location;
        // A single-file or Native AOT app has no assembly location; the process is the published executable.
        if (dll.Length == 0) return [Environment.ProcessPath ?? throw new InvalidOperationException("no process path")];
        string host = Environment.ProcessPath is { } pp && Path.GetFileNameWithoutExtension(pp) == "dotnet" ? pp : "dotnet";
        return [host, dll];
    }

    private static string Sbatch(params string[] args)
    {
        var start = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--parsable");
        foreach (string a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SubmitException($"cannot start sbatch ({e.Message}); is this a Slurm login node?", e);
        }
        using (process)
        {
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new SubmitException($"sbatch {string.Join(" ", args)} failed ({process.ExitCode}): {error.Trim()}");
            // --parsable prints "jobid" or "jobid;cluster".
            return output.Trim().Split(';')[0];
        }
    }

    /// <summary>An argument as printed in a message: control characters shown as \uXXXX, at most 200 characters.</summary>
    internal static string Printable(string text)
    {
        string shown = string.Concat(text.Take(200).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return "\"" + shown + (text.Length > 200 ? "..." : "") + "\"";
    }

    private sealed class SubmitException(string message, Exception? inner = null) : Exception(message, inner);

    [GeneratedRegex(@"^[A-Za-z0-9_.:,+-]+$")]
    private static partial Regex SlurmWord();
}
