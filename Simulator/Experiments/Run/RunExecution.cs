using System.Globalization;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Run;

/// <summary>
/// Runs a scenario as asked: the optional warm-up pilot, then the replications (fixed number or sequential),
/// then the results directory. The scenario is re-resolved with what the run decided (detected warm-up,
/// final replication count), so scenario.resolved.yaml reproduces the run with a plain <c>hacasim run</c>.
/// </summary>
public static class RunExecution
{
    /// <param name="source">The scenario file as read once for this command: the detected warm-up and the final replication count re-bind it.</param>
    /// <param name="spare">Told which cores the replications occupy (the command's warm-up waits for a spare one).</param>
    public static (LoadedScenario Final, IReadOnlyList<ReplicationResult> Results, RunSummary Summary) Execute(RunSettings settings, ScenarioSource source, LoadedScenario loaded,
        RunOutputs outputs, ScenarioCatalogs catalogs, Action<int>? onPlanned = null, Action<int>? onDone = null, CancellationToken cancel = default,
        SimulatedTimeProgress? progress = null, SpareCores? spare = null)
    {
        var overrides = new List<string>(settings.Overrides);
        LoadedScenario final = loaded;
        WarmupChoice? warmup = null;
        PrecisionMetric? metric = settings.Precision is null ? null : PrecisionMetric.Parse(settings.PrecisionMetric, loaded.Scenario.Pools.Keys);
        if (settings.AutoWarmup)
        {
            // The pilot is replications 0..4 without a warm-up cut, on their own streams; then they are run again
            // with the cut (statistics are streamed, so the cut cannot be applied afterwards).
            Scenario s = loaded.Scenario;
            Scenario pilotScenario = s with { Run = s.Run with { WarmupSeconds = 0, Replications = WarmupDetector.PilotReplications } };
            WarmupDetector.Detection d = WarmupDetector.Detect(ReplicationRunner.Run(pilotScenario, settings.Threads, catalogs, cancel: cancel, spare: spare));
            overrides.Add("run.warmup_s=" + d.Seconds.ToString("R", CultureInfo.InvariantCulture));
            final = source.With(overrides, catalogs);
            warmup = new WarmupChoice(WarmupMethod.Mser5, d.Seconds, d.Reliable, d.Seconds, d.Pool);
        }

        IReadOnlyList<ReplicationResult> results;
        PrecisionOutcome? precision = null;
        void Done(int i)
        {
            outputs.ReplicationDone(i);
            onDone?.Invoke(i);
        }
        if (metric is not null)
        {
            (results, precision) = SequentialReplications.Run(final.Scenario, settings.Precision!.Value, metric, settings.MaxReplications,
                settings.Threads, catalogs, outputs.SinkFor, Done, onPlanned, cancel, progress, spare);
            if (results.Count != final.Scenario.Run.Replications)
            {
                overrides.Add("run.replications=" + results.Count.ToString(CultureInfo.InvariantCulture));
                final = source.With(overrides, catalogs);
            }
        }
        else
        {
            onPlanned?.Invoke(final.Scenario.Run.Replications);
            results = ReplicationRunner.Run(final.Scenario, settings.Threads, catalogs, outputs.SinkFor, Done, cancel, progress, spare);
        }
        if (progress is not null) progress.Writing = true;
        spare?.BeginOutputs();
        RunSummary summary = outputs.Write(results, new RunAnnotations(warmup, precision), final, cancel);
        return (final, results, summary);
    }
}
