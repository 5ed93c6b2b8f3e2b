using System.Text.Json;
using System.Text;
using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Scenarios;
using static HacaSim.Experiments.Output.ExperimentFormat;

namespace HacaSim.Experiments.Compare;

/// <summary>comparison.csv, comparison.json and the comparison charts of <c>hacasim compare</c>.</summary>
public static class ComparisonWriter
{
    /// <summary>Metrics drawn as bars with CIs (the per-path and per-pool ones are in the tables).</summary>
    private static readonly string[] Charted =
        [ReplicationMetrics.ResultLatency, ReplicationMetrics.ProofLag, ReplicationMetrics.TimeToTrust, ReplicationMetrics.DowngradeShare];

    public static void Write(string outDir, Comparison comparison, IReadOnlyList<IReadOnlyList<ReplicationResult>> byCase)
    {
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteText(Path.Combine(outDir, "comparison.csv"), Table(comparison));
        foreach (string metric in Charted.Concat(comparison.Rows.Select(r => r.Metric).Where(m => m.EndsWith(".utilization", StringComparison.Ordinal))).Distinct())
        {
            var points = comparison.Variants.Select(v => comparison.Get(metric, v.Name))
                .Select(r => (r.Variant, r.Mean, double.IsFinite(r.Ci95) ? r.Ci95 : (double?)null)).ToList();
            if (points.Any(p => !double.IsFinite(p.Mean))) continue;
            (string name, string unit) = MetricNames.Of(metric);
            ReplicationSpreadChart.Save(points, $"{Capitalised(name)} per variant — {comparison.Scenario}", MetricNames.WithUnit(metric),
                Path.Combine(outDir, "compare_" + metric.Replace('.', '_')), comparison.Replications);
            // The paired differences to the first variant: what a reviewer needs to judge a change.
            var differences = comparison.Variants.Skip(1).Select(v => comparison.Get(metric, v.Name))
                .Select(r => (r.Variant, r.Difference?.Mean ?? double.NaN, r.Difference is { } d && double.IsFinite(d.Ci95) ? d.Ci95 : (double?)null)).ToList();
            if (differences.Count > 0 && Charted.Contains(metric)) // per pool, the tables suffice
                DifferenceChart.Save(differences, $"{Capitalised(name)}: difference to {comparison.Variants[0].Name} — {comparison.Scenario}", $"difference in {name}",
                    comparison.Variants[0].Name, Path.Combine(outDir, "compare_diff_" + metric.Replace('.', '_')), unit);
        }
        var cdfs = new List<CdfSeries>();
        for (int i = 0; i < byCase.Count; i++)
        {
            foreach (CdfSeries s in RunOutputs.LatencyCdfs(byCase[i]))
                // Colour by path, pattern and marker by variant: one path's curves share a colour.
                if (s.Label.EndsWith("time to trust", StringComparison.Ordinal)) cdfs.Add(s with { Label = $"{comparison.Variants[i].Name}: {s.Label}", Variant = i });
        }
        LatencyCdfChart.Save(cdfs, $"Time to trust per path and variant — {comparison.Scenario}", Path.Combine(outDir, "compare_latency_cdf"));
        Analysis.Reports.ExperimentReport.Write(outDir);
        // comparison.json last: its presence marks a complete comparison.
        AtomicFile.WriteText(Path.Combine(outDir, "comparison.json"), Json(comparison));
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Table(Comparison c)
    {
        var sb = new StringBuilder("metric,variant,replications,mean,ci95,diff_mean,diff_ci95,diff_ci95_unpaired\n");
        foreach (Comparison.Row r in c.Rows)
            sb.Append(Csv(r.Metric)).Append(',').Append(Csv(r.Variant)).Append(',').Append(r.Count).Append(',')
                .Append(Csv(r.Mean)).Append(',').Append(Csv(r.Ci95)).Append(',')
                .Append(Csv(r.Difference?.Mean)).Append(',').Append(Csv(r.Difference?.Ci95)).Append(',').Append(Csv(r.Difference?.UnpairedCi95)).Append('\n');
        return sb.ToString();
    }

    private static string Json(Comparison c)
    {
        using var buffer = new MemoryStream();
        using (Utf8JsonWriter w = JsonOutput.CreateWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("scenario", c.Scenario);
            w.WriteNumber("seed", c.Seed);
            w.WriteNumber("replications", c.Replications);
            w.WriteString("random_numbers", "common: replication i of every variant uses the streams of seed/replication/i");
            w.WriteString("baseline", c.Variants[0].Name);
            w.WriteStartArray("variants");
            foreach (ExperimentCase v in c.Variants)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                w.WriteStartArray("overrides");
                foreach (string o in v.Overrides) w.WriteStringValue(o);
                w.WriteEndArray();
                w.WriteString("results", $"variants/{v.Name}");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("metrics");
            foreach (var metric in c.Rows.GroupBy(r => r.Metric))
            {
                w.WriteStartObject(metric.Key);
                foreach (Comparison.Row r in metric)
                {
                    w.WriteStartObject(r.Variant);
                    w.WriteNumber("replications", r.Count);
                    JsonOutput.WriteNumberOrNull(w, SummaryKeys.Mean, r.Mean);
                    JsonOutput.WriteNumberOrNull(w, SummaryKeys.Ci95, r.Ci95);
                    if (r.Difference is PairedDifference d)
                    {
                        w.WriteStartObject("diff_to_baseline");
                        JsonOutput.WriteNumberOrNull(w, SummaryKeys.Mean, d.Mean);
                        JsonOutput.WriteNumberOrNull(w, SummaryKeys.Ci95, d.Ci95);
                        JsonOutput.WriteNumberOrNull(w, "ci95_unpaired", d.UnpairedCi95);
                        w.WriteNumber("pairs", d.Count);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
