namespace HacaSim.Analysis.Reports;

/// <summary>
/// The plain-language answer to "do proofs keep up?": which backlog grows and how fast, how far proof lag
/// trails the answer on each path, and the caveats a reader must know (unstable statistics, the warm-up).
/// </summary>
public static class ReportVerdict
{
    public static IReadOnlyList<string> Sentences(RunReportData data)
    {
        var sentences = new List<string>();
        // The three-state verdict decides (unstable needs significant growth and saturation), not the trend alone.
        var all = data.Settlement is { } settlement ? data.Pools.Append(settlement).ToList() : data.Pools.ToList();
        var unstable = all.Where(p => p.Verdict == "unstable").ToList();
        var critical = all.Where(p => p.Verdict == "critical").ToList();
        if (unstable.Count == 0 && critical.Count == 0)
        {
            sentences.Add("Proofs keep up: every backlog (each pool and the settlement chain) is stable over the measured period.");
        }
        else if (unstable.Count == 0)
        {
            sentences.Add("No backlog is shown to grow without bound, but " + string.Join("; ", critical.Select(p => $"{p.Name} is critical: {p.VerdictReason}")) + ".");
        }
        else
        {
            string list = string.Join("; ", unstable.Select(p => $"{p.Name} grows by {ReportText.MeanCi(p.Growth).Replace(" (unstable)", "")} jobs/s"));
            bool answers = unstable.Any(p => p.Name == "inference");
            sentences.Add(answers
                ? $"Neither answers nor proofs keep up: backlogs grow without bound ({list}). Means that pass through these pools depend on the run length and are marked unstable."
                : $"Proofs do NOT keep up: backlogs grow without bound ({list}). Answers are unaffected, but proof lag and time to trust of the paths through these pools grow with the run length and are marked unstable.");
        }

        var withLag = data.Paths.Where(p => p.Count > 0 && p.ProofLag?.Mean is not null && p.ResultLatency?.Mean is not null).ToList();
        if (withLag.Count > 0)
        {
            ReportPath worst = withLag.MaxBy(p => p.ProofLag!.Mean!.Value)!;
            double lag = worst.ProofLag!.Mean!.Value, result = worst.ResultLatency!.Mean!.Value;
            string ratio = result > 0 ? $", {ReportText.Number(lag / result)} times the {ReportText.Number(result)} s the user waits for the answer" : "";
            sentences.Add($"The slowest proofs are on {worst.Name}: final {ReportText.Number(lag)} s after the answer on average{ratio} " +
                $"(95th percentile {ReportText.P95(worst.ProofLag)} s).");
            foreach (ReportPath p in withLag.Where(p => p != worst).OrderByDescending(p => p.ProofLag!.Mean))
                sentences.Add($"{p.Name}: answer in {ReportText.Number(p.ResultLatency!.Mean)} s, proof final {ReportText.Number(p.ProofLag!.Mean)} s later.");
        }

        if (!data.WarmupReliable)
        {
            sentences.Add($"Caution: the warm-up ({data.WarmupMethod}, {ReportText.Number(data.WarmupSeconds)} s) could not be confirmed by MSER-5; " +
                "lengthen the run or the warm-up before trusting the means.");
        }
        sentences.Add(data.CiMethod == "batch_means"
            ? "Intervals are 95% batch-means intervals within the single replication; run several replications for independent ones."
            : $"Intervals are 95% Student-t intervals across {data.Replications} independent replications.");
        return sentences;
    }
}
