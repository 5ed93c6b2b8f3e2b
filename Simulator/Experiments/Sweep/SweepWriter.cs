using System.Text;
using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;
using static HacaSim.Experiments.Output.ExperimentFormat;

namespace HacaSim.Experiments.Sweep;

/// <summary>sweep.csv (one row per point), each point's summary.json under points/, and the curves of <c>hacasim sweep</c>.</summary>
public static class SweepWriter
{
    public static void Write(string outDir, SweepResult sweep)
    {
        Directory.CreateDirectory(outDir);
        foreach (SweepPoint p in sweep.Points)
        {
            string dir = Path.Combine(outDir, "points", p.Point.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            AtomicFile.WriteText(Path.Combine(dir, "summary.json"), RunSummaryWriter.Write(p.Summary));
        }
        Charts(outDir, sweep);
        // sweep.csv last: its presence marks a complete sweep.
        AtomicFile.WriteText(Path.Combine(outDir, "sweep.csv"), Table(sweep));
        // After sweep.csv (the report is built from it, as `hacasim report DIR` rebuilds it).
        Analysis.Reports.ExperimentReport.Write(outDir);
    }

    private static string Table(SweepResult sweep)
    {
        SweepPoint first = sweep.Points[0];
        var header = new List<string> { SweepKeys.Point };
        header.AddRange(sweep.Parameters.Select(p => Csv(p.Name)));
        foreach (var (metric, _) in first.Metrics) header.AddRange([Column(metric) + SweepKeys.MeanSuffix, Column(metric) + SweepKeys.Ci95Suffix]);
        header.AddRange(first.Stability.Select(s => SweepKeys.StablePrefix + Column(s.Backlog)));
        header.Add(SweepKeys.ProofBacklogsStable);
        // Appended (existing columns keep their place): the analytic capacity check of each point.
        var rhoPools = first.Capacity?.Pools.Select(p => p.Name).ToList() ?? [];
        header.AddRange(rhoPools.Select(p => SweepKeys.RhoPrefix + Column(p)));
        header.AddRange([SweepKeys.RhoChain, SweepKeys.RhoMax, SweepKeys.Bottleneck, SweepKeys.AnalyticKneeArrivalRatePerSecond, SweepKeys.AnalyticKnee, SweepKeys.AnalyticKneeGrid]);
        var analytic = sweep.AnalyticKnees().ToDictionary(k => k.Others, StringComparer.Ordinal);
        header.AddRange(first.Verdicts.Select(v => SweepKeys.VerdictPrefix + Column(v.Backlog)));
        header.AddRange([SweepKeys.ProofBacklogsVerdict, SweepKeys.KneeLastStable, SweepKeys.KneeFirstUnstable, SweepKeys.KneeCritical]);
        var intervals = sweep.KneeIntervals().ToDictionary(k => k.Others, StringComparer.Ordinal);
        var sb = new StringBuilder(string.Join(",", header)).Append('\n');
        foreach (SweepPoint p in sweep.Points)
        {
            var cells = new List<string> { p.Point.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            cells.AddRange(p.Point.Values.Select(v => Csv(v.Value)));
            foreach (var (_, ci) in p.Metrics) cells.AddRange([Csv(ci.Mean), Csv(ci.HalfWidth)]);
            cells.AddRange(p.Stability.Select(s => s.Stable ? "true" : "false"));
            cells.Add(p.ProofBacklogsStable ? "true" : "false");
            cells.AddRange(rhoPools.Select(name => Csv(p.Capacity?.RhoOf(name) ?? double.NaN)));
            var knee = analytic[SweepResult.OthersKey(p.Point)];
            cells.AddRange([Csv(p.Capacity?.Chain.Rho ?? double.NaN), Csv(p.Capacity?.MaxRho ?? double.NaN), Csv(p.Capacity?.Bottleneck ?? ""),
                Csv(p.Capacity?.KneeArrivalRate ?? double.NaN), Csv(knee.Interpolated ?? double.NaN), Csv(knee.Grid ?? "")]);
            var interval = intervals[SweepResult.OthersKey(p.Point)];
            cells.AddRange(first.Verdicts.Select(v => p.Verdicts.FirstOrDefault(x => x.Backlog == v.Backlog).State.Key()));
            cells.AddRange([p.ProofVerdict.Key(), Csv(interval.LastStable ?? ""), Csv(interval.FirstUnstable ?? ""), Csv(string.Join(" ", interval.Critical))]);
            sb.Append(string.Join(",", cells)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>"paths.zkml.proof_lag_s" -> "paths_zkml_proof_lag_s": CSV headers without dots.</summary>
    private static string Column(string metric) => metric.Replace('.', '_').Replace('-', '_');

    private static void Charts(string outDir, SweepResult sweep)
    {
        string x = sweep.Parameters[0].Name;
        var groups = sweep.Points.GroupBy(p => SweepResult.OthersKey(p.Point)).ToList();
        if (groups.SelectMany(g => g).Any(p => double.IsNaN(SweepResult.Numeric(p.Point.Values[0].Value)))) return; // words: no curves
        SweepPoint first = sweep.Points[0];
        var latency = new[] { ReplicationMetrics.ResultLatency };
        var lag = first.Metrics.Select(m => m.Metric).Where(m => m == ReplicationMetrics.ProofLag || m.EndsWith("." + ReplicationMetrics.ProofLag, StringComparison.Ordinal)).ToArray();
        var utilization = first.Metrics.Select(m => m.Metric).Where(m => m.EndsWith(".utilization", StringComparison.Ordinal)).ToArray();
        Chart("sweep_result_latency", "Result latency", "seconds", latency);
        Chart("sweep_proof_lag", "Proof lag", "seconds", lag);
        Chart("sweep_utilization", "Utilisation per pool", "busy slots / slots", utilization, ceiling: 1);

        // A point's mark: a pool's utilisation by that pool's verdict, every other curve by the worst verdict of the point.
        static StabilityState VerdictFor(SweepPoint p, string metric)
        {
            string? pool = metric.StartsWith("pools.", StringComparison.Ordinal) ? metric["pools.".Length..metric.LastIndexOf('.')] : null;
            var own = p.Verdicts.Where(v => v.Backlog == pool).Select(v => v.State).ToList();
            return own.Count > 0 ? own[0] : p.Verdicts.Select(v => v.State).DefaultIfEmpty(StabilityState.Stable).Max();
        }

        // Short legend names: "inference" for pools.inference.utilization, "zkml" for paths.zkml.proof_lag_s (in the path's colour).
        static (string Name, string? Path) CurveName(string metric)
        {
            string[] parts = metric.Split('.');
            return parts switch
            {
                ["pools", var pool, _] => (pool, null),
                ["paths", var path, _] => (path, path),
                [_] => ("all paths", SweepChart.AllPaths),
                _ => (metric, null),
            };
        }

        void Chart(string file, string what, string yLabel, string[] metrics, double ceiling = double.PositiveInfinity)
        {
            var ordered = groups.Select(g => g.OrderBy(p => SweepResult.Numeric(p.Point.Values[0].Value)).ToList()).ToList();
            var xs = ordered[0].Select(p => SweepResult.Numeric(p.Point.Values[0].Value)).ToList();
            var curves = new List<SweepChart.Curve>();
            foreach (var (group, points) in groups.Zip(ordered))
            {
                foreach (string metric in metrics)
                {
                    var cis = points.Select(p => p.Metrics.First(m => m.Metric == metric).Interval).ToList();
                    if (cis.All(c => double.IsNaN(c.Mean))) continue;
                    (string name, string? path) = CurveName(metric);
                    string label = group.Key.Length == 0 ? name : $"{name} ({group.Key})";
                    curves.Add(new SweepChart.Curve(label, cis.Select(c => c.Mean).ToList(),
                        cis.Select(c => double.IsFinite(c.HalfWidth) ? c.HalfWidth : (double?)null).ToList(),
                        points.Select(p => VerdictFor(p, metric)).ToList(), path, groups.IndexOf(group)));
                }
            }
            // The line at the last stable point of the three-state knee interval (the two-state knee could disagree with the marks).
            double? knee = sweep.KneeIntervals() is [{ LastStable: { } k }] ? SweepResult.Numeric(k) : null;
            string? kneeNote = sweep.KneeIntervals() is [var only]
                ? $"knee interval: last stable {only.LastStable ?? "none"}, first unstable {only.FirstUnstable ?? "none in range"}"
                  + (only.Critical.Count > 0 ? $", critical {string.Join(" ", only.Critical)}" : "")
                : null;
            SweepChart.Save(xs, curves, knee, $"{what} vs {x} — {sweep.Scenario}", x, yLabel, Path.Combine(outDir, file), kneeNote, ceiling);
        }
    }
}
