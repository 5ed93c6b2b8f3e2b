using System.Text;

namespace HacaSim.Analysis.Output;

/// <summary>
/// Writes a whole file or nothing: the content goes to <c>path + ".tmp-" + random suffix</c> in the same
/// directory, is flushed to disk and then renamed over <c>path</c>. On failure the temporary file is deleted
/// and any existing file at <c>path</c> is left as it was.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> atomically with whatever <paramref name="write"/> puts in the stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var pending = new PendingFile(path);
        write(pending.Stream);
        pending.Commit();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark, atomically.</summary>
    public static void WriteText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream => stream.Write(Utf8NoBom.GetBytes(text)));
    }

    /// <summary>Writes <paramref name="bytes"/> atomically.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }
}
