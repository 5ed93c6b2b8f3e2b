using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

/// <summary>
/// requests.csv (and requests.parquet): every request's life, streamed to disk as requests end (memory
/// stays flat). Each replication writes its own part files, opened when it starts, so parallel
/// replications never interleave; the parts are joined in replication order at the end, which keeps the
/// files identical for any thread count. The number of replications need not be known in advance
/// (sequential stopping adds them in batches).
/// </summary>
public sealed class RequestLog : IDisposable
{
    private readonly string _path;
    private readonly string _parquetPath;
    private readonly Dictionary<int, Part> _parts = [];
    private readonly Lock _lock = new();

    public RequestLog(string path, int replications = 0)
    {
        _path = path;
        _parquetPath = Path.ChangeExtension(path, ".parquet");
        for (int i = 0; i < replications; i++) PartFor(i);
    }

    private string CsvPart(int replication) => $"{_path}.part{replication}";
    private string ParquetPart(int replication) => $"{_parquetPath}.part{replication}";

    public IRequestSink SinkFor(int replication) => new Sink(PartFor(replication), replication);

    /// <summary>Writes out replication <paramref name="replication"/>'s buffered rows (its last row group) once it has ended.</summary>
    public void Finish(int replication)
    {
        Part part = PartFor(replication);
        lock (part) part.Complete();
    }

    private Part PartFor(int replication)
    {
        lock (_lock)
        {
            if (!_parts.TryGetValue(replication, out Part? part))
                _parts[replication] = part = new Part(CsvPart(replication), ParquetPart(replication));
            return part;
        }
    }

    /// <summary>Joins the parts of replications 0 .. count-1 into the final files (header once), atomically.</summary>
    public void Complete(int count)
    {
        for (int i = 0; i < count; i++) PartFor(i).Complete();
        AtomicFile.Write(_path, output =>
        {
            using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
            for (int i = 0; i < count; i++)
            {
                using var reader = new StreamReader(CsvPart(i));
                string? header = reader.ReadLine();
                if (i == 0 && header is not null) writer.WriteLine(header);
                while (reader.ReadLine() is { } line) writer.WriteLine(line);
            }
        });
        ParquetStreamWriter<RequestRecord>.Concatenate([.. Enumerable.Range(0, count).Select(ParquetPart)], _parquetPath);
        DeleteParts();
    }

    /// <summary>Joins every replication's parts.</summary>
    public void Complete() => Complete(_parts.Count);

    public void Dispose() => DeleteParts();

    private void DeleteParts()
    {
        foreach ((int i, Part part) in _parts)
        {
            part.Dispose();
            File.Delete(CsvPart(i));
            File.Delete(ParquetPart(i));
        }
        _parts.Clear();
    }

    private sealed class Part(string csvPath, string parquetPath) : IDisposable
    {
        private bool _complete;
        public CsvStreamWriter<RequestRecord> Csv { get; } = new(csvPath);
        public ParquetStreamWriter<RequestRecord> Parquet { get; } = new(parquetPath);

        public void Complete()
        {
            if (_complete) return;
            Csv.Complete();
            Parquet.Complete();
            _complete = true;
        }

        public void Dispose()
        {
            Csv.Dispose();
            Parquet.Dispose();
        }
    }

    private sealed class Sink(Part part, int replication) : IRequestSink
    {
        public void Write(Request r)
        {
            var record = new RequestRecord(
                replication, r.Id, r.Class.Name, r.Path.Key(), r.DecisionReason,
                r.Outcome switch { RequestOutcome.Settled => "settled", RequestOutcome.Failed => "failed", _ => "in_flight" },
                r.FailureReason, r.PromptTokens, r.OutputTokens, r.ArrivalSeconds,
                T(r.DataQueuedSeconds), T(r.DataStartSeconds), T(r.DataEndSeconds),
                T(r.InferenceQueuedSeconds), T(r.InferenceStartSeconds), T(r.InferenceEndSeconds), T(r.ResultSeconds),
                T(r.ProofQueuedSeconds), T(r.ProofStartSeconds), T(r.ProofReadySeconds),
                T(r.VerifyQueuedSeconds), T(r.VerifyStartSeconds), T(r.VerifiedSeconds), T(r.IncludedSeconds), T(r.FinalSeconds),
                r.Counted, T(r.ResultSeconds - r.ArrivalSeconds), T(r.FinalSeconds - r.ResultSeconds), T(r.FinalSeconds - r.ArrivalSeconds));
            part.Csv.Write(record);
            part.Parquet.Write(record);
        }

        private static double? T(double seconds) => double.IsNaN(seconds) ? null : seconds;

        // Write copies every field into a record: the request object can be reused for a later arrival.
        public bool KeepsRequests => false;
    }
}
