using System.Runtime.InteropServices;
using System.Text;

namespace HacaSim;

/// <summary>
/// Every file the tool reads as input (scenario, trace, CSV column, part manifest, unit file, summary.json) is
/// checked here before the first byte is read: it must be a regular file (a device such as /dev/zero never ends,
/// a FIFO blocks forever, a directory is not a file; symbolic links are followed, a dangling one is named) and no
/// larger than the reader's limit. Lines are read with a length bound, and input echoed in messages is cut short.
/// </summary>
public static partial class InputFiles
{
    /// <summary>How much of a line or value a message quotes.</summary>
    public const int EchoLimit = 120;

    /// <summary>Checks <paramref name="path"/> (see the class comment); <paramref name="what"/> names it in messages ("scenario file").</summary>
    public static void Check(string path, string what, long maxBytes)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputException($"{what} '': expected a file path");
        if (path.Contains('\0')) throw new InputException($"{what} {Echo(path)}: the path contains a NUL character");
        if (Directory.Exists(path)) throw new InputException($"{path}: is a directory; expected a {what}");
        var info = new FileInfo(path);
        if (!info.Exists) throw new InputException($"{path}: {what} not found");
        if (info.LinkTarget is { } target)
        {
            // FileInfo describes the link itself: follow it to what will be read.
            FileSystemInfo? final = null;
            try
            {
                final = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                // a loop of links: reported as dangling below
            }
            if (final is null || !final.Exists) throw new InputException($"{path}: {what} is a symbolic link to {target}, which does not exist");
            info = new FileInfo(final.FullName);
        }
        if (OperatingSystem.IsLinux() && FileType(path) is { } type && type != RegularFile)
            throw new InputException($"{path}: is not a regular file (a device, FIFO or socket); expected a {what}");
        long length = info.Length;
        if (length > maxBytes) throw new InputException($"{path}: {what} is {length} bytes; the limit is {maxBytes}");
    }

    /// <summary>The whole file as text, after <see cref="Check"/>; read errors are bad input naming the file.</summary>
    public static string ReadText(string path, string what, long maxBytes)
    {
        Check(path, what, maxBytes);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the {what}: {e.Message}");
        }
    }

    /// <summary>The whole file as bytes, after <see cref="Check"/>.</summary>
    public static byte[] ReadBytes(string path, string what, long maxBytes)
    {
        Check(path, what, maxBytes);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the {what}: {e.Message}");
        }
    }

    /// <summary>A reader of the file, after <see cref="Check"/>.</summary>
    public static StreamReader OpenText(string path, string what, long maxBytes)
    {
        Check(path, what, maxBytes);
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the {what}: {e.Message}");
        }
    }

    /// <summary>
    /// The next line (without its line break), or null at the end; a line longer than <paramref name="maxChars"/> is
    /// bad input (<paramref name="source"/>:<paramref name="lineNumber"/>) before it is held in memory whole.
    /// </summary>
    public static string? ReadLine(TextReader reader, int maxChars, string source, int lineNumber)
    {
        var sb = new StringBuilder();
        while (true)
        {
            int c = reader.Read();
            if (c < 0) return sb.Length == 0 ? null : sb.ToString();
            if (c == '\n') return sb.ToString();
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                return sb.ToString();
            }
            if (sb.Length >= maxChars)
                throw new InputException($"{source}:{lineNumber}: the line is longer than {maxChars} characters (starts \"{Echo(sb.ToString())}\")");
            sb.Append((char)c);
        }
    }

    /// <summary>Text from the input as a message quotes it: at most <see cref="EchoLimit"/> characters, control characters as \uXXXX.</summary>
    public static string Echo(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder();
        foreach (char c in text[..Math.Min(text.Length, EchoLimit)])
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        if (text.Length > EchoLimit) sb.Append($"... ({text.Length} characters)");
        return sb.ToString();
    }

    private const int RegularFile = 0x8000; // S_IFREG
    private const int TypeMask = 0xF000; // S_IFMT

    /// <summary>The file type bits of <c>statx</c> (its struct layout is the same on every Linux architecture), following links; null if unavailable.</summary>
    private static int? FileType(string path)
    {
        var buffer = new byte[256];
        try
        {
            // AT_FDCWD = -100, flags 0 (follow symbolic links), mask STATX_TYPE = 1.
            if (Statx(-100, path, 0, 1, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return BitConverter.ToUInt16(buffer, 28) & TypeMask;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);
}
