using System.Globalization;
using System.Text;
using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Sensitivity;
using static HacaSim.Experiments.Output.ExperimentFormat;

namespace HacaSim.Explore;

/// <summary>
/// The files of <c>hacasim explore</c>: explore.csv (one row per sample), sensitivity.csv (per output x input),
/// verdicts.csv (per categorical outcome and value), charts (scatter of the headline outputs against each input,
/// a tornado of their sensitivities, with --phase the bottleneck over two inputs) and report.md/html.
/// explore.csv is written after the others and marks a complete directory; the report is built from the files.
/// </summary>
public static class ExploreWriter
{
    public const string ExploreFile = "explore.csv";
    public const string SensitivityFile = "sensitivity.csv";
    public const string VerdictsFile = "verdicts.csv";

    /// <summary>The outputs charted: how long trust takes and how far proofs trail, the load on the bottleneck, and the price of trust.</summary>
    public static readonly string[] Headline =
    [
        ExploreMetrics.PathOutput(ExploreMetrics.AllPaths, Experiments.Summary.ReplicationMetrics.TimeToTrust, Analysis.Output.SummaryKeys.Mean),
        ExploreMetrics.ProofLagP95(ExploreMetrics.AllPaths),
        ExploreMetrics.RhoMax,
        ExploreMetrics.CostPerTrusted,
    ];

    public static void Write(string outDir, ExploreResult result)
    {
        Directory.CreateDirectory(outDir);
        Charts(outDir, result);
        AtomicFile.WriteText(Path.Combine(outDir, SensitivityFile), SensitivityTable(result));
        AtomicFile.WriteText(Path.Combine(outDir, VerdictsFile), VerdictsTable(result));
        // explore.csv last of the data: its presence marks a complete explore.
        AtomicFile.WriteText(Path.Combine(outDir, ExploreFile), SamplesTable(result));
        Analysis.Reports.ExperimentReport.Write(outDir);
    }

    private static string SamplesTable(ExploreResult result)
    {
        ExploreSample first = result.Samples[0];
        var header = new List<string> { "sample", "design_row" };
        header.AddRange(result.Design.Parameters.Select(p => Csv(p.Name)));
        foreach (var (name, _) in first.Outputs) header.AddRange([name, name + "_ci95"]);
        header.AddRange(first.Analytic.Select(a => a.Name));
        header.AddRange(first.Categories.Select(c => c.Name));
        var sb = new StringBuilder(string.Join(",", header)).Append('\n');
        foreach (ExploreSample s in result.Samples)
        {
            var cells = new List<string> { s.Index.ToString(CultureInfo.InvariantCulture), s.Role };
            cells.AddRange(s.Values.Select(v => Csv(v.Value)));
            foreach (var (_, ci) in s.Outputs) cells.AddRange([Csv(ci.Mean), Csv(ci.HalfWidth)]);
            cells.AddRange(s.Analytic.Select(a => Csv(a.Value)));
            cells.AddRange(s.Categories.Select(c => Csv(c.Value)));
            sb.Append(string.Join(",", cells)).Append('\n');
        }
        return sb.ToString();
    }

    private static string SensitivityTable(ExploreResult result)
    {
        var sb = new StringBuilder("output,input,measure,estimate,ci95_lower,ci95_upper,samples\n");
        foreach (SensitivityRow r in result.Sensitivity)
            sb.Append(string.Join(",", Csv(r.Output), Csv(r.Input), r.Measure, Csv(r.Interval.Estimate), Csv(r.Interval.Lower), Csv(r.Interval.Upper),
                r.Samples.ToString(CultureInfo.InvariantCulture))).Append('\n');
        return sb.ToString();
    }

    private static string VerdictsTable(ExploreResult result)
    {
        var sb = new StringBuilder("outcome,value,count,samples,probability,wilson95_lower,wilson95_upper,threshold_s\n");
        foreach (VerdictRow r in result.Verdicts)
        {
            string threshold = r.Outcome == ExploreAnalysis.ProofLagOutcome ? Csv(result.LagThresholdSeconds) : "";
            sb.Append(string.Join(",", Csv(r.Outcome), Csv(r.Value), r.Interval.Successes.ToString(CultureInfo.InvariantCulture),
                r.Interval.Trials.ToString(CultureInfo.InvariantCulture), Csv(r.Interval.Proportion), Csv(r.Interval.Lower), Csv(r.Interval.Upper), threshold)).Append('\n');
        }
        return sb.ToString();
    }

    private static void Charts(string outDir, ExploreResult result)
    {
        var parameters = result.Design.Parameters;
        var headline = Headline.Where(o => result.Samples.Any(s => double.IsFinite(s.Value(o)))).ToList();
        foreach (string output in headline)
        {
            for (int j = 0; j < parameters.Count; j++)
            {
                var p = parameters[j];
                var xs = result.Samples.Select(s => s.Numeric[j]).ToList();
                var ys = result.Samples.Select(s => s.Value(output)).ToList();
                var ci = result.Samples.Select(s => s.Outputs.FirstOrDefault(o => o.Name == output).Interval.HalfWidth).ToList();
                string xLabel = p.Range.Kind == RangeKind.Choice ? $"{p.Name} (index in {p.Range})" : p.Name;
                ScatterChart.Save(xs, ys, ci, p.Range.Kind == RangeKind.LogUniform, $"{output} vs {p.Name} — {result.Scenario}", xLabel, output,
                    Path.Combine(outDir, $"scatter_{output}_vs_{FileWord(p.Name)}"));
            }
            Tornado(outDir, result, output);
        }
        if (result.Phase is { } phase)
        {
            int a = parameters.ToList().FindIndex(p => p.Name == phase.A), b = parameters.ToList().FindIndex(p => p.Name == phase.B);
            PhaseDiagramChart.Save(result.Samples.Select(s => s.Numeric[a]).ToList(), result.Samples.Select(s => s.Numeric[b]).ToList(),
                result.Samples.Select(s => s.Category(ExploreMetrics.Bottleneck)).ToList(),
                parameters[a].Range.Kind == RangeKind.LogUniform, parameters[b].Range.Kind == RangeKind.LogUniform,
                $"Bottleneck over {phase.A} and {phase.B} — {result.Scenario}", phase.A, phase.B, Path.Combine(outDir, "phase_bottleneck"));
        }
    }

    private static void Tornado(string outDir, ExploreResult result, string output)
    {
        var rows = result.Sensitivity.Where(r => r.Output == output).ToList();
        if (rows.Count == 0) return;
        var inputs = result.Design.Parameters.Select(p => p.Name).ToList();
        var measures = (result.Design.Method == ExploreMethod.Lhs ? new[] { (SensitivityRow.Srrc, "SRRC") } : [(SensitivityRow.Total, "total (ST)"), (SensitivityRow.First, "first-order (S1)")])
            .Select(m => new TornadoChart.Measure(m.Item2,
                [.. inputs.Select(i => Find(i, m.Item1)?.Interval.Estimate ?? double.NaN)],
                [.. inputs.Select(i => Find(i, m.Item1)?.Interval.Lower ?? double.NaN)],
                [.. inputs.Select(i => Find(i, m.Item1)?.Interval.Upper ?? double.NaN)])).ToList();
        var order = Enumerable.Range(0, inputs.Count).OrderByDescending(i => Math.Abs(measures[0].Values[i]) is var v && double.IsFinite(v) ? v : -1).ThenBy(i => i).ToList();
        string subtitle = result.Design.Method == ExploreMethod.Lhs
            ? $"standardised rank regression coefficients, {result.Design.Count} Latin hypercube samples; lines: 95% bootstrap intervals"
            : $"Sobol indices, Saltelli's design N = {result.Design.BaseSamples} ({result.Design.Count} runs); lines: 95% bootstrap intervals";
        TornadoChart.Save(inputs, measures, order, $"Sensitivity of {output} — {result.Scenario}", subtitle,
            result.Design.Method == ExploreMethod.Lhs ? "SRRC" : "index", Path.Combine(outDir, $"tornado_{output}"));

        SensitivityRow? Find(string input, string measure) => rows.FirstOrDefault(r => r.Input == input && r.Measure == measure);
    }

    /// <summary>A parameter name as part of a file name: key paths have dots and brackets.</summary>
    private static string FileWord(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
}
