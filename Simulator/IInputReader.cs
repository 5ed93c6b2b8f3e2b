namespace HacaSim;

/// <summary>
/// How a command reads its input files (scenario, trace, CSV column). Every read of an input goes through one
/// of these, so that a command's source object can read each file once and share the result, and a test can
/// count the opens per file (a counting reader wrapped around <see cref="DiskInput"/>).
/// </summary>
public interface IInputReader
{
    /// <summary>The whole file as text, checked as <see cref="InputFiles.Check"/> does; <paramref name="what"/> names it in messages.</summary>
    string ReadText(string path, string what, long maxBytes);

    /// <summary>A reader of the file, checked as <see cref="InputFiles.Check"/> does.</summary>
    TextReader OpenText(string path, string what, long maxBytes);
}
