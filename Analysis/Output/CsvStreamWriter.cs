using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;

namespace HacaSim.Analysis.Output;

/// <summary>
/// Writes rows of <typeparamref name="T"/> to a CSV file one at a time, for files too large to hold in
/// memory (requests.csv). Rows go to a temporary file beside <c>path</c>; <see cref="Complete"/> renames it
/// into place, and disposing without <see cref="Complete"/> deletes it, so a killed run leaves no partial file.
/// Columns are the record's parameters in declaration order (<see cref="RecordColumns"/>), named by <see cref="CsvColumnNaming"/>; doubles
/// are written round-trip, null and NaN empty; UTF-8 without BOM, LF line ends, invariant culture.
/// </summary>
public sealed class CsvStreamWriter<[DynamicallyAccessedMembers(RecordColumns.Members)] T> : IDisposable
    where T : class
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    private readonly PendingFile _file;
    private readonly CsvWriter _csv;
    private readonly CsvColumns<T> _columns = CsvColumns<T>.Instance;
    private bool _completed;
    private bool _disposed;

    /// <summary>Opens a temporary file beside <paramref name="path"/> and writes the header row.</summary>
    public CsvStreamWriter(string path)
    {
        _file = new PendingFile(path);
        try
        {
            _csv = CsvWriter.Create(_file.Stream, Options, leaveOpen: true);
            _csv.WriteHeader([.. _columns.Names]);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>Rows written so far, not counting the header.</summary>
    public long RowCount { get; private set; }

    /// <summary>Appends one row.</summary>
    public void Write(T row)
    {
        ThrowIfClosed();
        _columns.WriteRow(_csv, row);
        RowCount++;
    }

    /// <summary>Flushes every row to disk and renames the file into place.</summary>
    public void Complete()
    {
        ThrowIfClosed();
        // Disposing the CSV writer (which leaves the stream open) writes its buffer out; the file must
        // not be touched by it after the commit has closed the stream.
        _csv.Dispose();
        _file.Commit();
        _completed = true;
    }

    /// <summary>Closes the file; without a prior <see cref="Complete"/> the temporary file is deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            _csv.Dispose();
        }
        finally
        {
            _file.Dispose();
        }
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
            throw new InvalidOperationException("The CSV file is already complete.");
    }
}
