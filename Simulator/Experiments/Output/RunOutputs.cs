using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using HacaSim.Analysis.Reports;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

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
        // Parts are opened as replications start: sequential stopping does not know their number in advance.
        if (logRequests) _requests = new RequestLog(Path.Combine(Directory, "requests.csv"));
        return _requests ?? (IDisposable)new NoLog();
    }

    public IRequestSink? SinkFor(int replication) => _requests?.SinkFor(replication);

    /// <summary>Called as each replication ends: writes out its buffered request rows.</summary>
    public void ReplicationDone(int replication) => _requests?.Finish(replication);

    /// <param name="final">The scenario as finally run, when the run changed it (detected warm-up, sequential replications).</param>
    /// <param name="cancel">Checked before summary.json: an interrupt while the other files are written leaves the directory marked incomplete.</param>
    /// <returns>The run's typed summary (built once; summary.json is its serialisation, the console summary reads it).</returns>
    public RunSummary Write(IReadOnlyList<ReplicationResult> results, RunAnnotations? annotations = null, LoadedScenario? final = null,
        CancellationToken cancel = default)
    {
        LoadedScenario used = final ?? loaded;
        Scenario scenario = used.Scenario;
        System.IO.Directory.CreateDirectory(Directory);
        _requests?.Complete(results.Count);
        string title = $"{scenario.Name}";
        double warmup = scenario.Run.WarmupSeconds;
        // Every file below is independent of the others and written side by side (each chart renders on its own plot), so
        // the fixed cost of a short run is the longest of them, not their sum. The typed summary (summary.json, the
        // utilisation and replication-spread charts and the report read it) is built in the first of them, alongside the
        // files that do not need it, instead of before all of them. The report needs the charts, so it comes after.
        // Longest first (tests/Benchmarks --outputs): the workers take the writers in this order, so the long ones start at
        // once and the short ones fill the other core around them. The chart of a long time series (queue length: ~0.7 s
        // for an M/M/4 run's 11,111 samples per line, most of it drawing the PNG) is one of them.
        RunSummary typed = null!;
        string summary = "";
        InParallel(
            () =>
            {
                typed = RunSummaries.Of(scenario, results, annotations);
                InParallel(
                    () => UtilizationChart.Save(Utilization(typed), $"Utilisation per pool — {title}", File("utilization"), results.Count),
                    () => ReplicationSpreadChart.Save(TimeToTrust(typed), $"Mean time to trust per path — {title}", "mean time to trust (s)",
                        File("replication_spread"), results.Count),
                    () => summary = RunSummaryWriter.Write(typed));
            },
            () => QueueLengthChart.Save(results[0].TimeSeries, $"Queue length per pool — {title}", File("queue_length"), warmup),
            () => LatencyCdfChart.Save(LatencyCdfs(results), $"Result latency and time to trust per path — {title}", File("latency_cdf")),
            () => ProofLagChart.Save(results[0].ProofLag, $"Proof lag over time — {title}", File("proof_lag"), warmup),
            // With faults, the backlog chart shows each pool's backlog rising across an outage and recovering.
            () => { if (scenario.FaultsOrNone.Any) BacklogChart.Save(results[0].TimeSeries, $"Backlog per pool across faults — {title}", File("backlog"), warmup); },
            () => ParquetExport.Write(File("timeseries.parquet"), results.SelectMany(r => r.TimeSeries)),
            () => CsvExport.Write(File("timeseries.csv"), results.SelectMany(r => r.TimeSeries)),
            () => ParquetExport.Write(File("proof_lag.parquet"), results.SelectMany(r => r.ProofLag)),
            () => CsvExport.Write(File("proof_lag.csv"), results.SelectMany(r => r.ProofLag)),
            () => AtomicFile.WriteText(File("scenario.resolved.yaml"), used.ResolvedYaml));
        // The report from the summary and the charts; then summary.json last: its presence marks complete
        // results, and only then does the INCOMPLETE marker go.
        RunReport.Write(Directory, RunReportInput.Of(typed, used.ResolvedYaml));
        cancel.ThrowIfCancellationRequested();
        AtomicFile.WriteText(File("summary.json"), summary);
        IncompleteMarker.Remove(Directory);
        return typed;
    }

    /// <summary>
    /// Runs the writers in parallel, at most one per core; a failure surfaces as itself (the first one), not wrapped, so the
    /// CLI reports it as before.
    /// </summary>
    /// <remarks>
    /// At most one per core: a chart writer blocks (on the fonts, on its PNG encoding), and the thread pool then lends
    /// Parallel.Invoke more threads, so up to all of the charts drew at once, each with its 1200 x 700 bitmap (3.4 MB) alive.
    /// That made nothing faster on two cores, and the run's peak memory depended on how many overlapped (issue 19).
    /// </remarks>
    internal static void InParallel(params Action[] writers)
    {
        try
        {
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, writers);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Per pool, mean utilisation and its 95% half-width across replications, as summary.json has them.</summary>
    private static Dictionary<string, (double Mean, double? Ci95)> Utilization(RunSummary summary) =>
        summary.Pools.ToDictionary(p => p.Name, p => (p.Utilization.Mean, p.Utilization.Ci95), StringComparer.Ordinal);

    /// <summary>Per path with requests: mean time to trust and its 95% half-width (across replications, or batch means for one), as summary.json has them.</summary>
    private static List<(string Label, double Mean, double? Ci95)> TimeToTrust(RunSummary summary) =>
        [.. summary.Paths.Where(p => p.TimeToTrust is not null).Select(p => (p.Path.Key(), p.TimeToTrust!.Mean, p.TimeToTrust.Ci95))];

    private string File(string name) => Path.Combine(Directory, name);

    /// <summary>CDF points from the merged quantile sketches (no per-request lists are kept).</summary>
    public static List<CdfSeries> LatencyCdfs(IReadOnlyList<ReplicationResult> results)
    {
        var series = new List<CdfSeries>();
        foreach (VerificationPath path in VerificationPaths.All)
        {
            // One colour per path: result latency drawn solid (variant 0), time to trust dashed (variant 1).
            AddSeries(path, 0, path.Key() + ": result latency", results.Select(r => r.Metrics.Path(path).ResultLatency));
            AddSeries(path, 1, path.Key() + ": time to trust", results.Select(r => r.Metrics.Path(path).TimeToTrust));
        }
        return series;

        void AddSeries(VerificationPath path, int variant, string label, IEnumerable<SampleStatistic> perReplication)
        {
            var merged = new SampleStatistic();
            foreach (SampleStatistic s in perReplication) merged.Merge(s);
            if (merged.Count == 0) return;
            var ps = Enumerable.Range(1, 199).Select(i => i / 200.0).ToList();
            // One pass over the merged histogram for all 199 points (QuantileCurve), not one scan per point.
            series.Add(new CdfSeries(label, QuantileCurve.At(merged, ps), ps, path.Key(), variant));
        }
    }

    private sealed class NoLog : IDisposable
    {
        public void Dispose() { }
    }
}
