using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using HacaSim.Model;

namespace HacaSim.Experiments;

/// <summary>
/// requests.csv: every request's life, streamed to disk as requests end (memory stays flat). Each
/// replication writes its own part file, so parallel replications never interleave; the parts are
/// joined in replication order at the end, which keeps the file identical for any thread count.
/// </summary>
public sealed class RequestLog : IDisposable
{
    private readonly string _path;
    private readonly CsvStreamWriter<RequestRecord>[] _parts;

    public RequestLog(string path, int replications)
    {
        _path = path;
        _parts = Enumerable.Range(0, replications).Select(i => new CsvStreamWriter<RequestRecord>(PartPath(i))).ToArray();
    }

    private string PartPath(int replication) => $"{_path}.part{replication}";

    public IRequestSink SinkFor(int replication) => new Sink(_parts[replication], replication);

    /// <summary>Joins the parts into the final file (header once), atomically.</summary>
    public void Complete()
    {
        foreach (var part in _parts) part.Complete();
        AtomicFile.Write(_path, output =>
        {
            using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
            for (int i = 0; i < _parts.Length; i++)
            {
                using var reader = new StreamReader(PartPath(i));
                string? header = reader.ReadLine();
                if (i == 0 && header is not null) writer.WriteLine(header);
                while (reader.ReadLine() is { } line) writer.WriteLine(line);
            }
        });
        for (int i = 0; i < _parts.Length; i++) File.Delete(PartPath(i));
    }

    public void Dispose()
    {
        foreach (var part in _parts) part.Dispose();
        for (int i = 0; i < _parts.Length; i++) File.Delete(PartPath(i));
    }

    private sealed class Sink(CsvStreamWriter<RequestRecord> writer, int replication) : IRequestSink
    {
        public void Write(Request r) => writer.Write(new RequestRecord(
            replication, r.Id, r.Class.Name, r.Path.Key(), r.DecisionReason,
            r.Outcome switch { RequestOutcome.Settled => "settled", RequestOutcome.Failed => "failed", _ => "in_flight" },
            r.FailureReason, r.PromptTokens, r.OutputTokens, r.ArrivalSeconds,
            T(r.DataQueuedSeconds), T(r.DataStartSeconds), T(r.DataEndSeconds),
            T(r.InferenceQueuedSeconds), T(r.InferenceStartSeconds), T(r.InferenceEndSeconds), T(r.ResultSeconds),
            T(r.ProofQueuedSeconds), T(r.ProofStartSeconds), T(r.ProofReadySeconds),
            T(r.VerifyQueuedSeconds), T(r.VerifyStartSeconds), T(r.VerifiedSeconds), T(r.IncludedSeconds), T(r.FinalSeconds)));

        private static double? T(double seconds) => double.IsNaN(seconds) ? null : seconds;
    }
}
