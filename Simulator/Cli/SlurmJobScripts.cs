using System.Globalization;
using System.Text;

namespace HacaSim.Cli;

/// <summary>
/// The two batch scripts of a sharded experiment on Slurm: a job array with one task per shard
/// (<c>hacasim COMMAND ARGS --shard $SLURM_ARRAY_TASK_ID/N --out PARTS/part-$SLURM_ARRAY_TASK_ID</c>) and a merge
/// job, submitted with <c>--dependency=afterok:ARRAY</c>, that runs <c>hacasim merge</c> on every part.
/// </summary>
/// <param name="Executable">The command words that start hacasim on a node (the single file, or dotnet and hacasim.dll).</param>
/// <param name="Arguments">The experiment's command and arguments, without --shard and --out.</param>
/// <param name="WorkingDirectory">Where relative paths in <paramref name="Arguments"/> are resolved (the directory of the submission).</param>
internal sealed record SlurmJobScripts(IReadOnlyList<string> Executable, IReadOnlyList<string> Arguments, int Tasks, string OutDir,
    string WorkDir, string WorkingDirectory, string? Partition, string? Time, int? CpusPerTask)
{
    /// <summary>--force was given: the merge job may replace an earlier results directory at OutDir.</summary>
    public bool Force { get; init; }

    public string PartsDir => Path.Combine(WorkDir, "parts");
    public string LogsDir => Path.Combine(WorkDir, "logs");
    public string ArrayScript => Path.Combine(WorkDir, "array.sh");
    public string MergeScript => Path.Combine(WorkDir, "merge.sh");

    public void Write()
    {
        Directory.CreateDirectory(PartsDir);
        Directory.CreateDirectory(LogsDir);
        string n = Tasks.ToString(CultureInfo.InvariantCulture);
        bool threadsGiven = Arguments.Any(a => a == "--threads" || a.StartsWith("--threads=", StringComparison.Ordinal));
        var array = Header($"hacasim-{Arguments[0]}", Path.Combine(LogsDir, "part-%a.out"), CpusPerTask, $"0-{Tasks - 1}");
        array.Append("# One shard per array task; each writes its part directory (manifest.json, units/).\n")
            .Append("\"${hacasim[@]}\" ").Append(string.Join(" ", Arguments.Select(Quote)))
            // --force: a requeued task replaces its own earlier (partial) part.
            .Append($" --shard \"$SLURM_ARRAY_TASK_ID/{n}\" --out {Quote(PartsDir)}/part-\"$SLURM_ARRAY_TASK_ID\" --force")
            // A task's threads: the CPUs Slurm gave it (hacasim would otherwise take every CPU of the node).
            .Append(threadsGiven ? "" : " --threads \"${SLURM_CPUS_PER_TASK:-1}\"")
            .Append(" --quiet\n");
        File.WriteAllText(ArrayScript, array.ToString());
        var merge = Header($"hacasim-{Arguments[0]}-merge", Path.Combine(LogsDir, "merge.out"), null, null)
            // A failed array task makes afterok impossible: cancel the merge instead of leaving it pending forever.
            .Insert("#!/bin/bash\n".Length, "#SBATCH --kill-on-invalid-dep=yes\n");
        merge.Append("# Runs once every array task has succeeded (sbatch --dependency=afterok:ARRAY).\n")
            .Append($"\"${{hacasim[@]}}\" merge --out {Quote(OutDir)}{(Force ? " --force" : "")} {Quote(PartsDir)}/part-{{0..{Tasks - 1}}}\n");
        File.WriteAllText(MergeScript, merge.ToString());
        if (OperatingSystem.IsWindows()) return;
        foreach (string f in new[] { ArrayScript, MergeScript })
            File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private StringBuilder Header(string jobName, string output, int? cpus, string? array)
    {
        var sb = new StringBuilder("#!/bin/bash\n");
        if (array is not null) sb.Append($"#SBATCH --array={array}\n");
        // sbatch reads #SBATCH lines itself (not bash): a double-quoted value may hold spaces; the caller refused
        // '"', '\\', '%' and control characters in the path.
        sb.Append($"#SBATCH --job-name={jobName}\n#SBATCH --output=\"{output}\"\n");
        if (Partition is not null) sb.Append($"#SBATCH --partition={Partition}\n");
        if (Time is not null) sb.Append($"#SBATCH --time={Time}\n");
        if (cpus is { } c) sb.Append($"#SBATCH --cpus-per-task={c.ToString(CultureInfo.InvariantCulture)}\n");
        sb.Append("# Written by 'hacasim slurm'.\nset -euo pipefail\n")
            // deploy/slurm/README.md: the single-file hacasim unpacks its native libraries on first start, by
            // default under ~/.net, which a node may lack or mount read-only; use node-local scratch instead.
            .Append("export DOTNET_BUNDLE_EXTRACT_BASE_DIR=\"${TMPDIR:-/tmp}/hacasim-bundle-$(id -u)\"\n")
            .Append("mkdir -p \"$DOTNET_BUNDLE_EXTRACT_BASE_DIR\"\n")
            .Append("export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1\n")
            .Append($"cd {Quote(WorkingDirectory)}\n")
            .Append($"hacasim=({string.Join(" ", Executable.Select(Quote))})\n");
        return sb;
    }

    /// <summary>A word for bash: single-quoted, with any single quote closed, escaped and reopened.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
