using HacaSim.Analysis.Reports;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Summary;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Output;

/// <summary>
/// What a run's report shows, taken from its typed <see cref="RunSummary"/> in-process (the report's own reader,
/// <see cref="RunReportData.Load"/>, is for <c>hacasim report DIR</c> only). Every field is what that reader would find
/// in the summary.json this summary serialises to: a number that is not finite is null there, so it is null here.
/// </summary>
public static class RunReportInput
{
    /// <param name="resolvedYaml">The run's scenario.resolved.yaml text (description, parameters, run settings).</param>
    public static RunReportData Of(RunSummary summary, string resolvedYaml)
    {
        Scenario scenario = summary.Scenario;
        (string description, var parameters, var run) = RunReportData.ReadScenario(resolvedYaml);
        var stability = summary.Stability.ToDictionary(b => b.Name, StringComparer.Ordinal);
        var paths = summary.Paths.Select(p => new ReportPath(p.Path.Key(), p.Count, Stat(p.ResultLatency, p.ResultLatencyUnstable),
            Stat(p.ProofLag, p.TrustUnstable), Stat(p.TimeToTrust, p.TrustUnstable))).ToList();
        var pools = summary.Pools.Select(p => Backlog(new ReportPool(p.Name, p.Nodes, p.Slots, Stat(p.Utilization, p.Unstable),
            Stat(p.QueueLength, p.Unstable), Stat(p.Wait, p.Unstable), Stable(p.Name), Growth(p.Name))
            {
                Availability = Stat(p.Availability),
            })).ToList();
        ReportPool? settlement = stability.ContainsKey(Model.TimeSeriesSampler.SettlementPool)
            ? Backlog(new ReportPool(Model.TimeSeriesSampler.SettlementPool, 0, 0, null, null, null,
                Stable(Model.TimeSeriesSampler.SettlementPool), Growth(Model.TimeSeriesSampler.SettlementPool)))
            : null;
        return new RunReportData(scenario.Name, description, parameters, run, summary.Replications, summary.CiMethod.Key(),
            summary.Warmup.Method.Key(), Finite(summary.Warmup.Seconds), summary.Warmup.Reliable,
            (summary.Requests.Arrived, summary.Requests.Settled, summary.Requests.Failed, summary.Requests.InFlight),
            paths, pools, settlement)
        {
            Faults = Faults(summary.Faults),
            Chain = Chain(summary.Chain),
            DurationSeconds = Finite(scenario.Run.DurationSeconds),
        };

        bool Stable(string name) => !stability.TryGetValue(name, out BacklogSummary? b) || b.Stable;
        ReportStatistic? Growth(string name) => stability.TryGetValue(name, out BacklogSummary? b) ? Stat(b.Growth) : null;
        ReportPool Backlog(ReportPool pool) => stability.TryGetValue(pool.Name, out BacklogSummary? b) && b.Verdict is { } v
            ? pool with { Verdict = v.State.Key(), VerdictReason = v.Reason }
            : pool;
    }

    private static ReportFaults Faults(FaultsSummary f) => new(f.InterruptedJobs, Finite(f.WorkLostSeconds), f.Retries,
        [.. f.Fallbacks.Select(c => (c.Key, c.Value))], [.. f.Overflow.Select(c => (c.Key, c.Value))],
        [.. f.Outages.Select(o => new ReportOutage(o.Target, Finite(o.StartSeconds), Finite(o.EndSeconds), Stat(o.BacklogBefore), Stat(o.PeakBacklog),
            o.RecoveredReplications, Stat(o.RecoverySeconds)))]);

    private static ReportChain? Chain(ChainSummary? c) => c is null ? null : new ReportChain(
        c.PipelineText, c.ConsensusKey, c.PlacementKey, c.Blocks,
        Stat(c.Throughput), Stat(c.ItemsPerBlock), Stat(c.GasPerBlock), Stat(c.GasUtilization), Stat(c.Execution), Stat(c.Cycle),
        Stat(c.Mempool, c.Unstable), Finite(c.MempoolMax), c.RejectedMempoolFull,
        [.. c.Paths.Select(p => (p.Path.Key(), Stat(p.Inclusion, c.Unstable), Stat(p.Finality, c.Unstable)))]);

    /// <summary>A statistic as summary.json holds it: always present (all null when nothing was observed), with its unstable mark.</summary>
    private static ReportStatistic Stat(SummaryStatistic? s, bool unstable = false) =>
        new(Finite(s?.Mean), Finite(s?.Ci95), Finite(s?.P95), unstable);

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
