using System.Globalization;
using HacaSim.Analysis.Output;

namespace HacaSim.Experiments.Output;

/// <summary>
/// The file <c>INCOMPLETE</c> in a results directory: written before anything else and deleted only once
/// summary.json is in place, so a directory is either complete (summary.json, no marker) or visibly not
/// (the run is still going, or was interrupted or killed). Readers should refuse a directory that has it.
/// </summary>
public static class IncompleteMarker
{
    public const string FileName = "INCOMPLETE";

    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    public static bool IsIncomplete(string directory) => File.Exists(PathIn(directory));

    /// <summary>Marks <paramref name="directory"/> incomplete, saying which command is writing it.</summary>
    public static void Write(string directory, string commandLine) => AtomicFile.WriteText(PathIn(directory),
        "This results directory is INCOMPLETE: the run writing it is still going, or it was interrupted\n" +
        "(Ctrl-C, SIGTERM) or killed before it finished. Each file in it is whole, but summary.json is\n" +
        "written last and this marker is deleted only after it, so do not use these results. Run the\n" +
        "command again to get them. Leftover files named *.tmp-* or requests.csv.part* are partial writes.\n\n" +
        string.Create(CultureInfo.InvariantCulture, $"started: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC\n") +
        string.Create(CultureInfo.InvariantCulture, $"process: {Environment.ProcessId}\n") +
        $"command: {commandLine}\n");

    /// <summary>Marks <paramref name="directory"/> complete; call only after summary.json is written.</summary>
    public static void Remove(string directory) => File.Delete(PathIn(directory));

    /// <summary>The arguments as one line a shell would accept again (arguments with spaces or quotes are single-quoted).</summary>
    public static string CommandLine(IEnumerable<string> args) =>
        string.Join(" ", new[] { "hacasim" }.Concat(args.Select(Quote)));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
