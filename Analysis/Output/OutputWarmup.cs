using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using HacaSim.Analysis.Records;
using Parquet;

namespace HacaSim.Analysis.Output;

/// <summary>
/// Readies the file writers a run uses after its simulation (the CSV and Parquet columns of the time series and proof
/// lag rows, Parquet.Net's writing path, System.Text.Json's writer) on a spare core while the run loads and simulates,
/// so their first-use cost (reflection, JIT of generic code that is not precompiled) is off the critical path of a short
/// run. It writes into memory only; nothing it does reaches a file.
/// </summary>
public static class OutputWarmup
{
    /// <summary>Runs the warm-up on the calling thread; never throws (a real writer that fails reports its own error).</summary>
    public static void Run()
    {
        try
        {
            _ = CsvColumns<TimeSeriesRow>.Instance;
            _ = CsvColumns<ProofLagRow>.Instance;
            Parquet(new TimeSeriesRow(0, 0, "p", 0, 0, 0));
            Parquet(new ProofLagRow(0, 0, "p", 0, 0));
            using var buffer = new MemoryStream();
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" });
            new JsonObject { ["a"] = 0.5, ["b"] = "b", ["c"] = new JsonArray(1, 2) }.WriteTo(writer);
        }
        catch (Exception)
        {
            // Only a head start.
        }
    }

    /// <summary>One row group of one row, as <see cref="ParquetStreamWriter{T}"/> writes it, into memory.</summary>
    private static void Parquet<[DynamicallyAccessedMembers(RecordColumns.Members)] T>(T row)
    {
        var columns = new ParquetColumns<T>(1);
        using var stream = new MemoryStream();
        ParquetWriter writer = ParquetWriter.CreateAsync(columns.Schema, stream).GetAwaiter().GetResult();
        try
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            foreach (var column in columns.Columns) column.Add(row, 0);
            foreach (var column in columns.Columns) column.WriteAsync(group, 1).GetAwaiter().GetResult();
            group.CompleteValidate();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
