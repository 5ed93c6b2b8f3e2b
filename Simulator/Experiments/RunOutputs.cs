using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using HacaSim.Analysis.Statistics;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments;

/// <summary>
/// The results directory of a run. It is created only once the scenario is valid, and every file in
/// it is written to a temporary name and renamed into place, so no reader ever sees half a file. The
/// directory holds an INCOMPLETE marker from its creation until summary.json is written (<see cref="IncompleteMarker"/>).
/// </summary>
public sealed class RunOutputs(string directory, LoadedScenario loaded, bool logRequests)
{
    private RequestLog? _requests;

    public string Directory { get; } = directory;

    /// <summary>The command that writes this directory, recorded in the INCOMPLETE marker.</summary>
    public string CommandLine { get; init; } = "hacasim run";

    public IDisposable OpenRequestLog()
    {
        System.IO.Directory.CreateDirectory(Directory);
        // Marker first, then drop a summary.json left by an earlier run here: at no moment does the
        // directory look complete while it is not.
        IncompleteMarker.Write(Directory, CommandLine);
        System.IO.File.Delete(File("summary.json"));
        if (logRequests) _requests = new RequestLog(Path.Combine(Directory, "requests.csv"), loaded.Scenario.Run.Replications);
        return _requests ?? (IDisposable)new NoLog();
    }

    public IRequestSink? SinkFor(int replication) => _requests?.SinkFor(replication);

    /// <param name="cancel">Checked before summary.json: an interrupt while the other files are written leaves the directory marked incomplete.</param>
    public void Write(IReadOnlyList<ReplicationResult> results, CancellationToken cancel = default)
    {
        Scenario scenario = loaded.Scenario;
        System.IO.Directory.CreateDirectory(Directory);
        _requests?.Complete();
        AtomicFile.WriteText(File("scenario.resolved.yaml"), loaded.ResolvedYaml);
        CsvExport.Write(File("timeseries.csv"), results.SelectMany(r => r.TimeSeries));
        CsvExport.Write(File("proof_lag.csv"), results.SelectMany(r => r.ProofLag));
        string title = $"{scenario.Name}";
        QueueLengthChart.Save(results[0].TimeSeries, $"Queue length per pool — {title}", File("queue_length"));
        ProofLagChart.Save(results[0].ProofLag, $"Proof lag over time — {title}", File("proof_lag"));
        LatencyCdfChart.Save(LatencyCdfs(results), $"Result latency and time to trust per path — {title}", File("latency_cdf"));
        // summary.json last: its presence marks a complete results directory, and only then does the marker go.
        cancel.ThrowIfCancellationRequested();
        AtomicFile.WriteText(File("summary.json"), RunSummaryWriter.Write(scenario, results));
        IncompleteMarker.Remove(Directory);
    }

    private string File(string name) => Path.Combine(Directory, name);

    /// <summary>CDF points from the merged quantile sketches (no per-request lists are kept).</summary>
    public static List<CdfSeries> LatencyCdfs(IReadOnlyList<ReplicationResult> results)
    {
        var series = new List<CdfSeries>();
        foreach (VerificationPath path in VerificationPaths.All)
        {
            AddSeries(path.Key() + ": result latency", results.Select(r => r.Metrics.Path(path).ResultLatency));
            AddSeries(path.Key() + ": time to trust", results.Select(r => r.Metrics.Path(path).TimeToTrust));
        }
        return series;

        void AddSeries(string label, IEnumerable<SampleStatistic> perReplication)
        {
            var merged = new SampleStatistic();
            foreach (SampleStatistic s in perReplication) merged.Merge(s);
            if (merged.Count == 0) return;
            var ps = Enumerable.Range(1, 199).Select(i => i / 200.0).ToList();
            series.Add(new CdfSeries(label, ps.Select(merged.Quantile).ToList(), ps));
        }
    }

    private sealed class NoLog : IDisposable
    {
        public void Dispose() { }
    }
}
