using System.Diagnostics.CodeAnalysis;

namespace HacaSim.Analysis.Output;

/// <summary>Writes a sequence of rows as one Parquet file, streaming (row groups) and atomically.</summary>
public static class ParquetExport
{
    public static void Write<[DynamicallyAccessedMembers(RecordColumns.Members)] T>(string path, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new ParquetStreamWriter<T>(path);
        foreach (T row in rows) writer.Write(row);
        writer.Complete();
    }
}
