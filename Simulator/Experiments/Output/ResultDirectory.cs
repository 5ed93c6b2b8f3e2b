using System.Globalization;
using HacaSim.Analysis.Output;
using HacaSim.Experiments.Sharding;

namespace HacaSim.Experiments.Output;

/// <summary>
/// The results directory of one command, written so that it is never mixed with another run's files. The
/// command writes into a fresh staging directory beside the target (<c>.NAME.staging-XXXXXXXXXXXX</c>, same
/// file system, so the final rename is atomic) and <see cref="Complete"/> renames it into place. An existing
/// target is refused unless <c>--force</c> is given and the target is one of ours (it holds a file this tool
/// writes: <see cref="Markers"/>); then it is replaced whole. The root, the working directory (and its
/// ancestors) and the home directory are never replaced. Default directories get "-2", "-3", ... when the
/// timestamped name is taken, so runs started in the same second never share one.
/// </summary>
public sealed class ResultDirectory
{
    /// <summary>The files that make a directory a HACA-sim results directory (run, shard part, sweep, compare, plan, interrupted run).</summary>
    public static readonly string[] Markers = ["summary.json", IncompleteMarker.FileName, PartManifest.FileName, "sweep.csv", "comparison.json", "plan.json", "explore.csv"];

    private const string StagingInfix = StagingDirectory.Infix;
    private const string OldInfix = ".old-";
    private readonly string? _defaultStem;
    private readonly bool _replace;

    private ResultDirectory(string target, string staging, string? defaultStem, bool replace, IReadOnlyList<string> leftovers)
    {
        Target = target;
        _defaultStem = defaultStem;
        Staging = staging;
        _replace = replace;
        Leftovers = leftovers;
    }

    /// <summary>Where the results are (or will be once complete): an absolute path.</summary>
    public string Target { get; private set; }

    /// <summary>Where the command writes until <see cref="Complete"/>.</summary>
    public string Staging { get; }

    /// <summary>Staging directories of earlier runs of the same target that never completed (killed, or still running).</summary>
    public IReadOnlyList<string> Leftovers { get; }

    /// <summary>
    /// Checks the target and creates the staging directory. <paramref name="given"/> is the user's --out (null for
    /// the default <paramref name="defaultPath"/>, which is made unique instead of refused when taken).
    /// </summary>
    public static ResultDirectory Claim(string? given, string defaultPath, bool force)
    {
        string target = Check(given ?? defaultPath);
        string? stem = given is null ? target : null;
        string parent = Path.GetDirectoryName(target)!;
        CreateParent(target, parent);
        bool replace = false;
        if (stem is not null) target = FirstFree(stem);
        else if (File.Exists(target) && !Directory.Exists(target))
            throw new InputException($"--out {target}: is a file; give a directory path");
        else if (Directory.Exists(target))
        {
            if (!force)
                throw new InputException($"--out {target}: already exists; give a new directory, or --force to replace an earlier HACA-sim results directory");
            CheckReplaceable(target);
            replace = true;
        }
        string name = Path.GetFileName(target);
        var leftovers = Directory.GetDirectories(parent, "." + name + StagingInfix + "*").Order(StringComparer.Ordinal).ToList();
        string staging = Path.Combine(parent, "." + name + StagingInfix + UniqueSuffix.Next());
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"--out {target}: cannot write in {parent} ({e.Message})");
        }
        return new ResultDirectory(target, staging, stem, replace, leftovers);
    }

    /// <summary>Flushes every file to disk, then renames the staging directory into place (replacing the old target with --force).</summary>
    public void Complete()
    {
        // Files committed inside the staging directory were not flushed one by one (PendingFile); all of them are now,
        // together, before the rename makes them visible.
        StagingDirectory.FlushToDisk(Staging);
        if (_replace && Directory.Exists(Target))
        {
            string old = Path.Combine(Path.GetDirectoryName(Target)!, "." + Path.GetFileName(Target) + OldInfix + UniqueSuffix.Next());
            Directory.Move(Target, old);
            Directory.Move(Staging, Target);
            Directory.Delete(old, recursive: true);
            return;
        }
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                // rename(2) fails when the target exists and is not empty (and .NET refuses any existing target).
                Directory.Move(Staging, Target);
                return;
            }
            catch (IOException) when (Directory.Exists(Target) && _defaultStem is not null && attempt < 1000)
            {
                Target = FirstFree(_defaultStem);
            }
            catch (IOException) when (Directory.Exists(Target))
            {
                throw new InputException($"--out {Target}: was created by another command while this one ran; these results are in {Staging}");
            }
        }
    }

    /// <summary>
    /// After a failure: an interrupted run's staging directory (marked INCOMPLETE) takes the target's place when the
    /// target is free, so the user finds it where they asked; any other failure deletes it (nothing written).
    /// Returns where the incomplete directory is, or null when it was deleted.
    /// </summary>
    public string? Abandon(bool keepIncomplete)
    {
        if (!Directory.Exists(Staging)) return null;
        if (keepIncomplete && IncompleteMarker.IsIncomplete(Staging))
        {
            StagingDirectory.FlushToDisk(Staging);
            if (Directory.Exists(Target)) return Staging;
            try
            {
                Directory.Move(Staging, Target);
                return Target;
            }
            catch (IOException)
            {
                return Staging;
            }
        }
        Directory.Delete(Staging, recursive: true);
        return null;
    }

    /// <summary>A line naming leftover staging directories (empty when there are none).</summary>
    public string LeftoverNote() => Leftovers.Count == 0 ? ""
        : $"note: {string.Join(", ", Leftovers.Take(5))}{(Leftovers.Count > 5 ? $" and {Leftovers.Count - 5} more" : "")} " +
          "left by a run that was killed (or is still going); delete once no run writes there";

    /// <summary>A name as a safe path component: letters, digits, '.', '_' and '-' kept, anything else '-', at most 64 characters, never starting with '.'.</summary>
    public static string Slug(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray();
        string slug = new string(chars);
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        slug = slug.TrimStart('.', '-').TrimEnd('-');
        if (slug.Length > 64) slug = slug[..64].TrimEnd('-', '.');
        return slug.Length == 0 ? "scenario" : slug;
    }

    /// <summary>A default directory name: results/KIND/SLUG-yyyyMMdd-HHmmss.</summary>
    public static string DefaultPath(string kind, string name) =>
        Path.Combine("results", kind, $"{Slug(name)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    private static string FirstFree(string target)
    {
        string candidate = target;
        for (int i = 2; Directory.Exists(candidate) || File.Exists(candidate); i++)
            candidate = $"{target}-{i.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }

    /// <summary>The path checks that hold with or without --force: a real, writable place that is not a system directory.</summary>
    private static string Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputException("--out '': expected a directory path");
        if (path.Any(char.IsControl))
            throw new InputException("--out: the path contains a control character (newline, NUL, ...); give a plain directory path");
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException($"--out {path}: not a usable path ({e.Message})");
        }
        if (Path.GetDirectoryName(full) is null) throw new InputException($"--out {full}: the root directory cannot be a results directory");
        foreach (string system in new[] { "/proc", "/sys", "/dev" })
            if (full == system || full.StartsWith(system + "/", StringComparison.Ordinal))
                throw new InputException($"--out {full}: a system directory cannot be a results directory");
        string name = Path.GetFileName(full);
        if (name is "." or "..") throw new InputException($"--out {path}: expected a directory name, not '{name}'");
        return full;
    }

    private static void CreateParent(string target, string parent)
    {
        // An ancestor that is a file: "under a file" would otherwise surface as an IOException.
        for (string? p = parent; p is not null; p = Path.GetDirectoryName(p))
        {
            if (Directory.Exists(p)) break;
            if (File.Exists(p)) throw new InputException($"--out {target}: {p} is a file, not a directory");
        }
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"--out {target}: cannot create {parent} ({e.Message})");
        }
    }

    /// <summary>--force replaces only an earlier results directory, never a place that holds other things.</summary>
    private static void CheckReplaceable(string target)
    {
        string cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.CurrentDirectory));
        string home = Path.TrimEndingDirectorySeparator(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        if (target == home) throw new InputException($"--out {target}: a home directory is never replaced, even with --force");
        if (cwd == target || cwd.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InputException($"--out {target}: holds the working directory, which is never replaced, even with --force");
        if (new DirectoryInfo(target).LinkTarget is not null)
            throw new InputException($"--out {target}: is a symbolic link; give the directory itself to replace it with --force");
        if (!Markers.Any(m => File.Exists(Path.Combine(target, m))))
            throw new InputException($"--out {target}: exists and is not a HACA-sim results directory (none of {string.Join(", ", Markers)}); " +
                "--force replaces only those; give a new directory");
    }
}
