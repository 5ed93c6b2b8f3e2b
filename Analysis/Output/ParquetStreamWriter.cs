using System.Diagnostics.CodeAnalysis;
using Parquet;
using Parquet.Schema;

namespace HacaSim.Analysis.Output;

/// <summary>
/// Writes rows of <typeparamref name="T"/> to a Parquet file one at a time: rows are buffered column-wise
/// and written as a row group every <see cref="RowGroupRows"/> rows, so memory stays flat however long the
/// run. Like <see cref="CsvStreamWriter{T}"/> the file is written under a temporary name and renamed into
/// place by <see cref="Complete"/>; disposing without completing deletes it. Same columns as the CSV.
/// </summary>
/// <remarks>Parquet.Net is asynchronous only; the writer waits on each call (no synchronisation context here).</remarks>
public sealed class ParquetStreamWriter<[DynamicallyAccessedMembers(RecordColumns.Members)] T> : IDisposable
{
    /// <summary>Rows per row group: large enough for good compression, small enough to keep memory at a few MB.</summary>
    public const int DefaultRowGroupRows = 16_384;

    private readonly PendingFile _file;
    private readonly ParquetColumns<T> _columns;
    private readonly ParquetWriter _writer;
    private int _buffered;
    private bool _closed;

    public ParquetStreamWriter(string path, int rowGroupRows = DefaultRowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        RowGroupRows = rowGroupRows;
        _columns = new ParquetColumns<T>(rowGroupRows);
        _file = new PendingFile(path);
        try
        {
            _writer = ParquetWriter.CreateAsync(_columns.Schema, _file.Stream).GetAwaiter().GetResult();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public int RowGroupRows { get; }

    public long RowCount { get; private set; }

    public void Write(T row)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        foreach (var column in _columns.Columns) column.Add(row, _buffered);
        _buffered++;
        RowCount++;
        if (_buffered == RowGroupRows) Flush();
    }

    /// <summary>Writes the last row group and the footer, and renames the file into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        // An empty file still gets one (empty) row group, so readers see the schema and zero rows.
        if (_buffered > 0 || RowCount == 0) Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Commit();
        _closed = true;
    }

    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            _file.Dispose();
        }
    }

    private void Flush()
    {
        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        foreach (var column in _columns.Columns) column.WriteAsync(group, _buffered).GetAwaiter().GetResult();
        group.CompleteValidate();
        _buffered = 0;
    }

    /// <summary>
    /// Joins Parquet files written by this type into one at <paramref name="path"/>, row group by row group
    /// (memory holds one row group), in the order given; empty row groups are dropped unless all are empty.
    /// </summary>
    public static void Concatenate(IReadOnlyList<string> parts, string path)
    {
        var columns = new ParquetColumns<T>(1);
        AtomicFile.Write(path, output => ConcatenateAsync(parts, output, columns).GetAwaiter().GetResult());
    }

    private static async Task ConcatenateAsync(IReadOnlyList<string> parts, Stream output, ParquetColumns<T> columns)
    {
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(columns.Schema, output);
        bool any = false;
        foreach (string part in parts)
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(part);
            DataField[] fields = reader.Schema.GetDataFields();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader source = reader.OpenRowGroupReader(g);
                if (source.RowCount == 0) continue;
                using ParquetRowGroupWriter target = writer.CreateRowGroup();
                for (int c = 0; c < fields.Length; c++)
                    await columns.Columns[c].CopyAsync(source, fields[c], target, (int)source.RowCount);
                target.CompleteValidate();
                any = true;
            }
        }
        if (!any)
        {
            using ParquetRowGroupWriter empty = writer.CreateRowGroup();
            foreach (var column in columns.Columns) await column.WriteAsync(empty, 0);
            empty.CompleteValidate();
        }
    }
}
