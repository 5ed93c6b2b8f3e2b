using System.Diagnostics.CodeAnalysis;

namespace HacaSim.Analysis.Output;

/// <summary>Writes a sequence of rows as one CSV file, streaming and atomically; see <see cref="CsvStreamWriter{T}"/> for the format.</summary>
public static class CsvExport
{
    /// <summary>
    /// Writes <paramref name="rows"/> to <paramref name="path"/>, enumerating them once, lazily, without
    /// buffering. If enumeration or writing throws, no file (or the previous one) is left at <paramref name="path"/>.
    /// </summary>
    public static void Write<[DynamicallyAccessedMembers(RecordColumns.Members)] T>(string path, IEnumerable<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new CsvStreamWriter<T>(path);
        foreach (T row in rows)
            writer.Write(row);
        writer.Complete();
    }
}
