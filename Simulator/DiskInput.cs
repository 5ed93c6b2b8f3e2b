namespace HacaSim;

/// <summary>The input files as they are on disk (<see cref="InputFiles"/>'s checks and error messages).</summary>
public sealed class DiskInput : IInputReader
{
    public string ReadText(string path, string what, long maxBytes) => InputFiles.ReadText(path, what, maxBytes);

    public TextReader OpenText(string path, string what, long maxBytes) => InputFiles.OpenText(path, what, maxBytes);
}
