using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using System.Globalization;
using System.Text.Json;

namespace HacaSim.Analysis.Reports;

/// <summary>
/// report.md and report.html of an explore (<see cref="ExploreReport"/>), a sweep (from sweep.csv) or a comparison (from comparison.csv and each
/// variant's summary.json), read from the directory's files alone, so <c>hacasim report DIR</c> rebuilds
/// them exactly as the command wrote them.
/// </summary>
public static class ExperimentReport
{
    public const string SweepFile = "sweep.csv";
    public const string ComparisonFile = "comparison.csv";

    /// <summary>Writes the report a sweep or compare directory has; false when the directory is neither.</summary>
    public static bool Write(string directory)
    {
        ReportDocument? document = File.Exists(Path.Combine(directory, ExploreReport.ExploreFile)) ? ExploreReport.Document(directory)
            : File.Exists(Path.Combine(directory, SweepFile)) ? Sweep(directory)
            : File.Exists(Path.Combine(directory, ComparisonFile)) ? Compare(directory) : null;
        if (document is null) return false;
        Output.AtomicFile.WriteText(Path.Combine(directory, RunReport.MarkdownFile), MarkdownReport.Render(document));
        Output.AtomicFile.WriteText(Path.Combine(directory, RunReport.HtmlFile), HtmlReport.Render(document, directory));
        return true;
    }

    /// <summary>The rows of a CSV this tool wrote (one line per row; fields quoted only around commas or quotes).</summary>
    internal static List<Dictionary<string, string>> Rows(string file)
    {
        string[] lines = File.ReadAllLines(file);
        if (lines.Length == 0) return [];
        var header = Fields(lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second))];
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static string Get(Dictionary<string, string> row, string key) => row.TryGetValue(key, out string? v) ? v : "";

    internal static string Num(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? ReportText.Number(x) : text.Length == 0 ? "–" : text;

    private static string MeanCi(Dictionary<string, string> row, string mean, string ci) =>
        Get(row, ci).Length > 0 ? $"{Num(Get(row, mean))} ± {Num(Get(row, ci))}" : Num(Get(row, mean));

    private static ReportDocument Sweep(string directory)
    {
        var rows = Rows(Path.Combine(directory, SweepFile));
        var header = rows.Count > 0 ? rows[0].Keys.ToList() : [];
        int firstMetric = header.FindIndex(h => h.EndsWith(SweepKeys.MeanSuffix, StringComparison.Ordinal));
        var parameters = header.Skip(1).Take(Math.Max(0, firstMetric - 1)).ToList();
        var blocks = new List<ReportBlock> { new ReportHeading("Knee") };
        if (rows.Count > 0)
        {
            var r = rows[0];
            string critical = Get(r, SweepKeys.KneeCritical);
            blocks.Add(new ReportList([
                $"Simulated knee interval along {parameters.FirstOrDefault() ?? "the first parameter"}: last stable {Or(Get(r, SweepKeys.KneeLastStable), "none")}, " +
                $"first unstable {Or(Get(r, SweepKeys.KneeFirstUnstable), "none in range")}" + (critical.Length > 0 ? $", critical at {critical.Replace(" ", ", ")}." : "."),
                $"Analytic knee (no simulation): the last value with every rho below 1 is {Or(Get(r, SweepKeys.AnalyticKneeGrid), "none")}" +
                (Get(r, SweepKeys.AnalyticKnee).Length > 0 ? $"; rho reaches 1 at {Num(Get(r, SweepKeys.AnalyticKnee))}." : "."),
                "Verdicts: unstable only when a backlog's growth interval excludes zero and the pool is saturated (rho or utilisation); " +
                "critical when rho is in [0.95, 1) or the evidence disagrees; the knee rows with several parameters are per combination of the others.",
            ]));
        }
        blocks.Add(new ReportHeading("Points"));
        blocks.Add(new ReportParagraph("Means ± 95% half-widths across replications; rho is the analytic offered load of the bottleneck."));
        blocks.Add(new ReportTable(
            [.. parameters, "result latency (s)", "proof lag (s)", "rho max", "bottleneck", "proof backlogs"],
            [.. rows.Select(r => (IReadOnlyList<string>)[.. parameters.Select(p => Get(r, p)),
                MeanCi(r, "result_latency_s_mean", "result_latency_s_ci95"), MeanCi(r, "proof_lag_s_mean", "proof_lag_s_ci95"),
                Num(Get(r, SweepKeys.RhoMax)), Get(r, SweepKeys.Bottleneck), Get(r, SweepKeys.ProofBacklogsVerdict)])]));
        AddCharts(blocks, directory, "sweep_");
        return new ReportDocument("HACA-sim sweep report", blocks);
    }

    private static ReportDocument Compare(string directory)
    {
        var rows = Rows(Path.Combine(directory, ComparisonFile));
        var blocks = new List<ReportBlock> { new ReportHeading("Variants") };
        string variantsDir = Path.Combine(directory, "variants");
        var verdictRows = new List<IReadOnlyList<string>>();
        foreach (string variant in rows.Select(r => Get(r, "variant")).Distinct())
        {
            string summary = Path.Combine(variantsDir, variant, RunReportData.SummaryFile);
            if (!File.Exists(summary)) continue;
            using var doc = JsonDocument.Parse(File.ReadAllText(summary));
            var states = doc.RootElement.GetProperty(SummaryKeys.Stability).EnumerateObject()
                .Select(b => (b.Name, State: b.Value.TryGetProperty("verdict", out var v) ? v.GetString() ?? "" : "")).ToList();
            string notStable = string.Join(", ", states.Where(s => s.State is not ("stable" or "")).Select(s => $"{s.Name} {s.State}"));
            var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => (p.Name, Count: p.Value.GetProperty("count").GetInt64())).ToList();
            long total = Math.Max(1, paths.Sum(p => p.Count));
            verdictRows.Add([variant, notStable.Length == 0 ? "every backlog stable" : notStable,
                string.Join(", ", paths.Select(p => $"{p.Name} {100.0 * p.Count / total:0.#}%"))]);
        }
        if (verdictRows.Count > 0) blocks.Add(new ReportTable(["variant", "verdict", "path mix (requests after the warm-up)"], verdictRows));
        blocks.Add(new ReportHeading("Metrics and paired differences"));
        blocks.Add(new ReportParagraph("Mean ± 95% half-width across replications; the difference is paired with the first variant " +
            "(common random numbers). ◆ marks a difference whose 95% interval excludes zero."));
        blocks.Add(new ReportTable(["metric", "variant", "mean", "difference to the first", ""],
            [.. rows.Select(r => (IReadOnlyList<string>)[Get(r, "metric"), Get(r, "variant"), MeanCi(r, SummaryKeys.Mean, SummaryKeys.Ci95),
                Get(r, "diff_mean").Length == 0 ? "–" : MeanCi(r, "diff_mean", "diff_ci95"), Significant(r) ? "◆" : ""])]));
        AddCharts(blocks, directory, "compare_");
        return new ReportDocument("HACA-sim comparison report", blocks);
    }

    /// <summary>A paired difference whose 95% interval excludes zero.</summary>
    public static bool Significant(Dictionary<string, string> row) =>
        double.TryParse(Get(row, "diff_mean"), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
        && double.TryParse(Get(row, "diff_ci95"), NumberStyles.Float, CultureInfo.InvariantCulture, out double h) && Math.Abs(d) > h;

    internal static void AddCharts(List<ReportBlock> blocks, string directory, string prefix)
    {
        var charts = Directory.GetFiles(directory, prefix + "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (charts.Count == 0) return;
        blocks.Add(new ReportHeading("Charts"));
        blocks.AddRange(charts.Select(c => new ReportImage(c, Caption(Path.GetFileNameWithoutExtension(c)))));
    }

    /// <summary>What a chart shows, matching what the chart itself draws (its whiskers, marks and lines).</summary>
    /// <remarks>The metric is named in words (<see cref="MetricNames"/>), not by its key or file name.</remarks>
    internal static string Caption(string stem) => stem switch
    {
        _ when stem.StartsWith("compare_diff_", StringComparison.Ordinal) =>
            $"{Capitalised(Metric(stem["compare_diff_".Length..], withUnit: false))}: paired difference of each variant to the first with its 95% interval; a filled marker where the interval excludes zero.",
        "compare_latency_cdf" => "Time to trust per path and variant: one colour per path, one line pattern per variant.",
        _ when stem.StartsWith("compare_", StringComparison.Ordinal) =>
            $"{Capitalised(Metric(stem["compare_".Length..]))} per variant: mean with its 95% interval across replications.",
        _ when stem.StartsWith("sweep_", StringComparison.Ordinal) =>
            $"{Capitalised(SweepMetric(stem["sweep_".Length..]))} per point: mean with its 95% interval across replications; critical points ringed, unstable points crossed, the dashed line at the last stable point.",
        _ => Capitalised(Metric(stem)),
    };

    // A difference chart picks its own unit (ms, µs, ×10⁻ⁿ) for small differences: its caption names none.
    private static string Metric(string stem, bool withUnit = true) => MetricNames.KeyOfFileStem(stem) is { } key
        ? withUnit ? MetricNames.WithUnit(key) : MetricNames.Of(key).Name
        : stem.Replace('_', ' ');

    /// <summary>The sweep's three charts (SweepWriter): all paths' latency, each path's proof lag, each pool's utilisation.</summary>
    private static string SweepMetric(string stem) => stem switch
    {
        "result_latency" => "mean result latency over all paths (s)",
        "proof_lag" => "mean proof lag, over all paths and per path (s)",
        "utilization" => "utilisation per pool",
        _ => Metric(stem),
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Or(string text, string fallback) => text.Length > 0 ? text : fallback;
}
