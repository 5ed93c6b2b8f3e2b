namespace HacaSim.Analysis.Reports;

/// <summary>
/// report.md and report.html for a results directory, from its files alone (summary.json,
/// scenario.resolved.yaml, the chart PNGs). report.html is self-contained: inline CSS, images as data URIs,
/// no scripts and no links, so it can be mailed or archived and still show everything.
/// </summary>
public static class RunReport
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";

    /// <summary>The charts a report shows, in reading order, if present: file stem and caption.</summary>
    public static readonly IReadOnlyList<(string Stem, string Caption)> Charts =
    [
        ("queue_length", "Queue length per pool over simulated time (replication 0); the warm-up is shaded."),
        ("utilization", "Mean utilisation per pool{0}."),
        ("latency_cdf", "Distribution of result latency (solid) and time to trust (dashed) per path, one colour per path."),
        ("proof_lag", "Mean proof lag of the requests finalised in each sample interval (replication 0); the warm-up is shaded."),
        ("replication_spread", "Mean time to trust per path{1}."),
        ("backlog", "Backlog per pool over simulated time (replication 0), across the scenario's faults; the warm-up is shaded."),
    ];

    /// <summary>
    /// A chart's caption saying the same of its whiskers as the chart's subtitle does: across replications, from batch
    /// means within the one replication (time to trust), or none (one replication's utilisation has no interval).
    /// </summary>
    public static string Caption(string template, int replications) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template,
            replications > 1 ? $" over {replications} replications, with 95% confidence intervals" : " of the one replication (no interval)",
            replications > 1 ? $" over {replications} replications, with 95% confidence intervals"
                : " of the one replication, with 95% batch-means intervals where the run was long enough for them");

    /// <summary>The report of a results directory from its files (<c>hacasim report DIR</c>).</summary>
    public static void Write(string directory) => Write(directory, RunReportData.Load(directory));

    /// <summary>The report of <paramref name="data"/> (a run passes what its typed summary holds), with the directory's charts.</summary>
    public static void Write(string directory, RunReportData data)
    {
        ReportDocument document = Build(data, directory);
        Output.AtomicFile.WriteText(Path.Combine(directory, MarkdownFile), MarkdownReport.Render(document));
        Output.AtomicFile.WriteText(Path.Combine(directory, HtmlFile), HtmlReport.Render(document, directory));
    }

    /// <summary>Availability, work lost, fallbacks and outage recovery; nothing when the run had no faults and no overflow.</summary>
    private static IEnumerable<ReportBlock> FaultsSection(ReportFaults f, IReadOnlyList<ReportPool> pools, double? duration)
    {
        bool anyFault = f.InterruptedJobs > 0 || f.Outages.Count > 0 || f.Fallbacks.Count > 0
            || pools.Any(p => p.Availability?.Mean is < 1);
        if (f.Overflow.Count > 0)
        {
            yield return new ReportHeading("Overload");
            yield return new ReportParagraph("Past the run's cap of waiting jobs per pool (run.max_waiting), these requests were counted, " +
                "not simulated further; they are in flight in the counts and absent from every latency statistic: " +
                string.Join(", ", f.Overflow.Select(o => $"{o.Key}: {o.Count}")) + ".");
        }
        if (!anyFault) yield break;
        yield return new ReportHeading("Faults");
        yield return new ReportParagraph(
            $"{f.InterruptedJobs} jobs were interrupted by node faults, losing {ReportText.Number(f.WorkLostSeconds)} s of service that had " +
            $"to be redone; {f.Retries} retries" +
            (f.Fallbacks.Count > 0 ? "; fallbacks (counted as downgrades): " + string.Join(", ", f.Fallbacks.Select(x => $"{x.Key} {x.Count}")) : "") + ".");
        yield return new ReportTable(["pool", "availability"],
            [.. pools.Select(p => (IReadOnlyList<string>)[p.Name, ReportText.MeanCi(p.Availability)])]);
        // An outage the run never reached (a scenario's outage at 3,600 s in a shorter run) has no backlog to report.
        bool Reached(ReportOutage o) => duration is not { } end || o.StartSeconds is not { } start || start < end;
        var reached = f.Outages.Where(Reached).ToList();
        if (reached.Count > 0)
            yield return new ReportTable(["outage", "from (s)", "to (s)", "proof backlog before", "peak", "recovery after the outage (s)"],
                [.. reached.Select(o => (IReadOnlyList<string>)[o.Target, ReportText.Number(o.StartSeconds),
                    ReportText.Number(o.EndSeconds) + (o.EndSeconds > duration ? $" (the run ends at {ReportText.Number(duration)})" : ""),
                    ReportText.MeanCi(o.BacklogBefore), ReportText.MeanCi(o.PeakBacklog),
                    o.RecoveredReplications == 0 ? "not recovered by the end of the run" : ReportText.MeanCi(o.RecoverySeconds)])]);
        var notReached = f.Outages.Where(o => !Reached(o)).ToList();
        if (notReached.Count > 0)
            yield return new ReportParagraph("Not simulated (they start at or after the run's end, " + ReportText.Number(duration) + " s): " +
                string.Join(", ", notReached.Select(o => $"the outage of {o.Target} from {ReportText.Number(o.StartSeconds)} s")) + ".");
    }

    /// <summary>The chain: blocks and their content, the proposal cycle, the mempool, and each path's inclusion and finality delays.</summary>
    private static IEnumerable<ReportBlock> ChainSection(ReportChain c)
    {
        yield return new ReportHeading("Chain");
        yield return new ReportParagraph($"Pipeline {c.Pipeline} (blocks in consensus at once), {c.ConsensusModel} consensus, " +
            $"{c.Placement} verification; {c.Blocks} blocks after the warm-up" +
            (c.RejectedMempoolFull > 0 ? $"; {c.RejectedMempoolFull} items failed with the mempool full" : "") + ".");
        yield return new ReportTable(["measure", "value"],
        [
            ["items included per second", ReportText.MeanCi(c.Throughput)],
            ["items per block", ReportText.MeanCi(c.ItemsPerBlock)],
            ["gas per block", ReportText.MeanCi(c.GasPerBlock)],
            ["gas utilisation", ReportText.MeanCi(c.GasUtilization)],
            ["block execution (s)", ReportText.MeanCi(c.Execution)],
            ["block cycle (s), mean and p95", $"{ReportText.MeanCi(c.Cycle)}; p95 {ReportText.P95(c.Cycle)}"],
            ["mempool length (items, time-weighted), max", $"{ReportText.MeanCi(c.Mempool)}; max {ReportText.Number(c.MempoolMax)}"],
        ]);
        var used = c.Paths.Where(p => p.Finality?.Mean is not null || p.Inclusion?.Mean is not null).ToList();
        if (used.Count > 0)
            yield return new ReportTable(["path", "inclusion delay (s)", "p95", "finality delay (s)", "p95"],
                [.. used.Select(p => (IReadOnlyList<string>)[p.Path, ReportText.MeanCi(p.Inclusion), ReportText.P95(p.Inclusion),
                    ReportText.MeanCi(p.Finality), ReportText.P95(p.Finality)])]);
    }

    public static ReportDocument Build(RunReportData data, string directory)
    {
        var blocks = new List<ReportBlock>();
        if (data.Description.Length > 0) blocks.Add(new ReportParagraph(data.Description));
        blocks.Add(new ReportHeading("Verdict"));
        blocks.Add(new ReportList(ReportVerdict.Sentences(data)));

        blocks.Add(new ReportHeading("Scenario"));
        var settings = new List<IReadOnlyList<string>>
        {
            new[] { "replications", data.Replications.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new[] { "warm-up", $"{ReportText.Number(data.WarmupSeconds)} s ({data.WarmupMethod}{(data.WarmupReliable ? "" : ", not confirmed")})" },
            new[] { "intervals", data.CiMethod == "batch_means" ? "95% batch means (one replication)" : "95% Student-t across replications" },
            new[] { "requests", $"{data.Requests.Arrived} arrived = {data.Requests.Settled} settled + {data.Requests.Failed} failed + {data.Requests.InFlight} in flight" },
        };
        settings.AddRange(data.RunSettings.Where(r => r.Key is not ("replications" or "warmup_s")).Select(r => (IReadOnlyList<string>)[$"run.{r.Key}", r.Value]));
        settings.AddRange(data.Parameters.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]));
        blocks.Add(new ReportTable(["setting", "value"], settings));

        blocks.Add(new ReportHeading("Paths"));
        blocks.Add(new ReportParagraph("Times in seconds; mean ± 95% half-width, and the 95th percentile. " +
            "Result latency: arrival to answer. Proof lag: answer to final settlement. Time to trust: arrival to final."));
        blocks.Add(new ReportTable(
            ["path", "requests", "result latency", "p95", "proof lag", "p95", "time to trust", "p95"],
            [.. data.Paths.Where(p => p.Count > 0).Select(p => (IReadOnlyList<string>)[
                p.Name, p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportText.MeanCi(p.ResultLatency), ReportText.P95(p.ResultLatency),
                ReportText.MeanCi(p.ProofLag), ReportText.P95(p.ProofLag),
                ReportText.MeanCi(p.TimeToTrust), ReportText.P95(p.TimeToTrust)])]));

        blocks.Add(new ReportHeading("Pools"));
        var poolRows = data.Pools.Select(p => (IReadOnlyList<string>)[
            p.Name, $"{p.Nodes} × {p.Slots / Math.Max(1, p.Nodes)}", ReportText.MeanCi(p.Utilization), ReportText.MeanCi(p.QueueLength),
            ReportText.MeanCi(p.Wait), p.Verdict, ReportText.MeanCi(p.Growth).Replace(" (unstable)", "")]).ToList();
        if (data.Settlement is { } chain)
            poolRows.Add(["settlement (chain)", "–", "–", "–", "–", chain.Verdict, ReportText.MeanCi(chain.Growth)]);
        blocks.Add(new ReportTable(["pool", "nodes × slots", "utilisation", "mean queue (jobs)", "wait (s)", "verdict", "backlog growth (jobs/s)"], poolRows));

        if (data.Chain is { } chainData) blocks.AddRange(ChainSection(chainData));
        if (data.Faults is { } faults) blocks.AddRange(FaultsSection(faults, data.Pools, data.DurationSeconds));

        var charts = Charts.Where(c => File.Exists(Path.Combine(directory, c.Stem + ".png"))).ToList();
        if (charts.Count > 0)
        {
            blocks.Add(new ReportHeading("Charts"));
            blocks.AddRange(charts.Select(c => new ReportImage(c.Stem + ".png", Caption(c.Caption, data.Replications))));
        }
        return new ReportDocument($"HACA-sim run report: {data.Scenario}", blocks);
    }
}
