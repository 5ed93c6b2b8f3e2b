namespace HacaSim.Analysis.Output;

/// <summary>
/// A results directory under construction: a hidden directory beside its target, named <c>.NAME.staging-XXXXXXXXXXXX</c>,
/// that the command renames into place whole once every file in it is written (Simulator's ResultDirectory). No reader
/// looks inside one, so its files need not reach the disk one by one as they are committed (a file written elsewhere
/// still is, by <see cref="PendingFile"/>): <see cref="FlushToDisk"/> flushes them all, at once, just before the rename
/// makes them visible. A run writes ~25 files; flushed one by one (an fsync each, ~2-10 ms on this machine's disk) that
/// was on the critical path of every writer of a short run.
/// </summary>
public static class StagingDirectory
{
    /// <summary>What a staging directory's name holds after its leading dot and the target's name.</summary>
    public const string Infix = ".staging-";

    /// <summary>True when <paramref name="path"/> is a file inside a staging directory (at any depth).</summary>
    public static bool Holds(string path)
    {
        for (string? dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            string name = Path.GetFileName(dir);
            if (name.StartsWith('.') && name.Contains(Infix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// Flushes every file under <paramref name="directory"/> to disk before it is renamed into place. A few flushes run side
    /// by side on the thread pool's idle threads (the writers are done; a thread per file took longer to start than to
    /// flush on a loaded machine), so the file system commits them together.
    /// </summary>
    public static void FlushToDisk(string directory)
    {
        string[] files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        try
        {
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                stream.Flush(flushToDisk: true);
            });
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }
}
