
namespace HacaSim.Analysis.Output;

/// <summary>
/// A file being written under a temporary name next to its final path. <see cref="Commit"/> flushes it
/// to disk and renames it into place; disposing without committing deletes it, so a failed or killed
/// run leaves either the old file or none, never a half-written one.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    public PendingFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FinalPath = Path.GetFullPath(path);
        // Same directory as the target, so the final rename never crosses file systems.
        TempPath = FinalPath + ".tmp-" + UniqueSuffix.Next();
        _stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    public string FinalPath { get; }

    public string TempPath { get; }

    public Stream Stream => _stream;

    /// <summary>
    /// Flushes the temporary file to disk and renames it over <see cref="FinalPath"/>. Inside a staging directory the
    /// flush is left to <see cref="StagingDirectory.FlushToDisk"/>, which flushes every file before the directory
    /// becomes visible.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
            throw new InvalidOperationException($"'{FinalPath}' was already committed.");
        // Flush to the device before the rename: otherwise a crash soon after could leave the new
        // name pointing at an empty file on some file systems.
        _stream.Flush(flushToDisk: !StagingDirectory.Holds(FinalPath));
        _stream.Dispose();
        File.Move(TempPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            _stream.Dispose();
        }
        finally
        {
            if (!_committed)
                File.Delete(TempPath);
        }
    }
}
