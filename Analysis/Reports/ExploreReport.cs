using System.Globalization;

namespace HacaSim.Analysis.Reports;

/// <summary>
/// The report of <c>hacasim explore</c>, from explore.csv, sensitivity.csv and verdicts.csv alone (so
/// <c>hacasim report DIR</c> rebuilds it): the design, the probability of each categorical outcome with its
/// Wilson interval, the inputs that decide each headline output (largest sensitivity first), and the charts.
/// </summary>
public static class ExploreReport
{
    public const string ExploreFile = "explore.csv";
    public const string SensitivityFile = "sensitivity.csv";
    public const string VerdictsFile = "verdicts.csv";

    /// <summary>Outputs whose sensitivities the report lists (every output's are in sensitivity.csv).</summary>
    private static readonly string[] Headline = ["all_time_to_trust_s_mean", "all_proof_lag_s_p95", "rho_max", "cost_per_trusted_usd"];

    public static ReportDocument Document(string directory)
    {
        var samples = ExperimentReport.Rows(Path.Combine(directory, ExploreFile));
        var header = samples.Count > 0 ? samples[0].Keys.ToList() : [];
        int firstOutput = header.FindIndex(h => h.EndsWith("_ci95", StringComparison.Ordinal)) - 1;
        var inputs = header.Skip(2).Take(Math.Max(0, firstOutput - 2)).ToList();
        var roles = samples.Select(r => r.GetValueOrDefault("design_row", "")).ToList();
        bool sobol = roles.Any(r => r != "lhs");
        var blocks = new List<ReportBlock>
        {
            new ReportHeading("Design"),
            new ReportParagraph(sobol
                ? $"Saltelli's design on a scrambled Sobol sequence: {samples.Count} runs ({roles.Count(r => r == "A")} base samples x ({inputs.Count} inputs + 2)); " +
                  "probabilities below are over the A and B rows (independent draws of the input space)."
                : $"A Latin hypercube of {samples.Count} samples; probabilities below are over every sample."),
            new ReportTable(["input", "min", "max"], [.. inputs.Select(i => (IReadOnlyList<string>)[i, Extreme(samples, i, min: true), Extreme(samples, i, min: false)])]),
        };

        var verdicts = File.Exists(Path.Combine(directory, VerdictsFile)) ? ExperimentReport.Rows(Path.Combine(directory, VerdictsFile)) : [];
        blocks.Add(new ReportHeading("Verdicts as probabilities"));
        blocks.Add(new ReportParagraph("Share of samples in which each outcome held, with its 95% Wilson interval. bottleneck: the resource with the " +
            "largest analytic rho (it breaks first); verdict_*: each backlog's three-state verdict; proof_lag_p95_exceeds_threshold: whether a path's " +
            "proof-lag p95 is above --lag-threshold (over the samples in which the path settled requests)."));
        blocks.Add(new ReportTable(["outcome", "value", "samples", "probability", "95% interval"],
            [.. verdicts.Where(r => r.GetValueOrDefault("count", "0") != "0" || r.GetValueOrDefault("outcome", "") != "bottleneck")
                .Select(r => (IReadOnlyList<string>)[Get(r, "outcome") + (Get(r, "threshold_s").Length > 0 ? $" (> {Get(r, "threshold_s")} s)" : ""), Get(r, "value"),
                    $"{Get(r, "count")} / {Get(r, "samples")}", ExperimentReport.Num(Get(r, "probability")),
                    $"[{ExperimentReport.Num(Get(r, "wilson95_lower"))}, {ExperimentReport.Num(Get(r, "wilson95_upper"))}]"])]));

        var sensitivity = File.Exists(Path.Combine(directory, SensitivityFile)) ? ExperimentReport.Rows(Path.Combine(directory, SensitivityFile)) : [];
        blocks.Add(new ReportHeading("What decides the outcome"));
        blocks.Add(new ReportParagraph(sobol
            ? "Sobol indices with 95% bootstrap intervals: ST, the share of the output's variance an input causes alone or with others; S1, alone. " +
              "Inputs with the largest ST first. Every output's indices are in sensitivity.csv."
            : "Standardised rank regression coefficients with 95% bootstrap intervals: the sign is the direction, the size the weight (for monotone " +
              "effects). Largest magnitude first. Every output's coefficients are in sensitivity.csv."));
        string main = sobol ? "st" : "srrc";
        foreach (string output in Headline)
        {
            var rows = sensitivity.Where(r => Get(r, "output") == output).ToList();
            if (rows.Count == 0) continue;
            var ranked = rows.Where(r => Get(r, "measure") == main).OrderByDescending(r => Math.Abs(Number(Get(r, "estimate")) is var v && double.IsFinite(v) ? v : -1)).ToList();
            blocks.Add(new ReportParagraph(output));
            blocks.Add(new ReportTable(sobol ? ["input", "ST", "S1"] : ["input", "SRRC"],
                [.. ranked.Select(r => (IReadOnlyList<string>)(sobol
                    ? [Get(r, "input"), WithInterval(r), rows.FirstOrDefault(x => Get(x, "input") == Get(r, "input") && Get(x, "measure") == "s1") is { } s1 ? WithInterval(s1) : "–"]
                    : [Get(r, "input"), WithInterval(r)]))]));
        }
        ExperimentReport.AddCharts(blocks, directory, "tornado_");
        ExperimentReport.AddCharts(blocks, directory, "phase_");
        blocks.Add(new ReportParagraph("Scatter charts of each headline output against each input: scatter_OUTPUT_vs_INPUT.png in this directory."));
        return new ReportDocument("HACA-sim explore report", blocks);
    }

    private static string Get(Dictionary<string, string> row, string key) => row.TryGetValue(key, out string? v) ? v : "";

    private static double Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;

    private static string WithInterval(Dictionary<string, string> r) =>
        $"{ExperimentReport.Num(Get(r, "estimate"))} [{ExperimentReport.Num(Get(r, "ci95_lower"))}, {ExperimentReport.Num(Get(r, "ci95_upper"))}]";

    private static string Extreme(List<Dictionary<string, string>> samples, string input, bool min)
    {
        var values = samples.Select(r => Get(r, input)).ToList();
        var numbers = values.Select(Number).Where(double.IsFinite).ToList();
        if (numbers.Count == values.Count && numbers.Count > 0) return ExperimentReport.Num((min ? numbers.Min() : numbers.Max()).ToString("R", CultureInfo.InvariantCulture));
        var words = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return min ? string.Join(", ", words) : "";
    }
}
