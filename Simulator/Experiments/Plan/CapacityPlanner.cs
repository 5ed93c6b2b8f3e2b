using System.Globalization;
using System.Text.Json;
using System.Text;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Sweep;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Plan;

/// <summary>
/// <c>hacasim plan</c>: the smallest whole value of a parameter (a node count) that meets a target, assuming
/// more is never worse. Exponential search first (min, min+1, min+3, min+7, ... up to max) finds a value
/// that meets it, then binary search between the last that failed and the first that met. Each value is
/// one sweep point on the same common random numbers, so the plan agrees with a sweep over the same values.
/// A value meets the target only if its metric does and every backlog is stable: a number read off an
/// unstable or critical point (a p95 of the requests that happened to settle before the run ended) says
/// nothing about the network in steady state, so such a point is reported, with its verdict, as not met.
/// </summary>
public static class CapacityPlanner
{
    /// <param name="Ci95">The metric's 95% half-width across replications (Student t); with one replication, summary.json's
    /// batch-means ci95 beside a mean; null when neither exists.</param>
    /// <param name="MetricMeets">The metric alone meets the target.</param>
    /// <param name="Verdict">The worst three-state verdict of the point's backlogs.</param>
    /// <param name="NotStable">The backlogs that are not stable, with their verdicts.</param>
    public sealed record Evaluation(int Value, double? Metric, double? Ci95, bool MetricMeets, StabilityState Verdict,
        IReadOnlyList<(string Backlog, StabilityState State)> NotStable)
    {
        /// <summary>Met: the metric meets the target and the point is stable.</summary>
        public bool Meets => MetricMeets && Verdict == StabilityState.Stable;
    }

    public sealed record Plan(string Scenario, string Parameter, PlanTarget Target, int Min, int Max, int? Answer, IReadOnlyList<Evaluation> Evaluations);

    public static Plan Run(Scenarios.Loading.ScenarioSource source, IReadOnlyList<string> shared, PlanTarget target, string parameter, int min, int max, int threads, string outDir)
    {
        if (min < 0 || max < min) throw new InputException($"--min {min} --max {max}: expected 0 <= min <= max");
        string name = source.With(shared).Scenario.Name;
        var evaluations = new SortedDictionary<int, Evaluation>();
        Evaluation Evaluate(int value)
        {
            if (evaluations.TryGetValue(value, out Evaluation? known)) return known;
            var grid = new[] { new GridPoint(0, [(parameter, value.ToString(CultureInfo.InvariantCulture))]) };
            SweepPoint point = SweepExperiment.Evaluate(source, shared, grid, threads, replicationSummaries: true)[0];
            double? metric = target.Read(point.Summary);
            return evaluations[value] = new Evaluation(value, metric, Ci95(target, point), target.MetBy(metric), point.WorstVerdict,
                [.. point.Verdicts.Where(v => v.State != StabilityState.Stable)]);
        }

        int? answer = null;
        if (Evaluate(min).Meets) answer = min;
        else
        {
            // Exponential: min + 1, min + 3, min + 7, ... (gaps 1, 2, 4, ...), then max.
            int failed = min, step = 1;
            int? met = null;
            while (met is null && failed < max)
            {
                int next = (int)Math.Min((long)failed + step, max);
                if (Evaluate(next).Meets) met = next;
                else failed = next;
                step *= 2;
            }
            if (met is { } hi)
            {
                int lo = failed;
                while (hi - lo > 1)
                {
                    int mid = lo + (hi - lo) / 2;
                    if (Evaluate(mid).Meets) hi = mid;
                    else lo = mid;
                }
                answer = hi;
            }
        }
        var plan = new Plan(name, parameter, target, min, max, answer, evaluations.Values.ToList());
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteText(Path.Combine(outDir, "plan.json"), Json(plan, shared));
        return plan;
    }

    /// <summary>Across replications when there are several; else summary.json's own ci95 beside a mean (batch means).</summary>
    private static double? Ci95(PlanTarget target, SweepPoint point)
    {
        if (point.ReplicationSummaries.Count > 1)
        {
            var values = point.ReplicationSummaries.Select(target.Read).OfType<double>().Where(double.IsFinite).ToList();
            return values.Count > 1 ? ConfidenceInterval.FromSamples(values).HalfWidth : null;
        }
        if (!target.Metric.EndsWith(".mean", StringComparison.Ordinal)) return null;
        var sibling = target with { Metric = target.Metric[..^".mean".Length] + ".ci95" };
        try { return sibling.Read(point.Summary); }
        catch (InputException) { return null; }
    }

    private static string Json(Plan plan, IReadOnlyList<string> shared)
    {
        using var buffer = new MemoryStream();
        using (Utf8JsonWriter w = JsonOutput.CreateWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("scenario", plan.Scenario);
            w.WriteStartArray("overrides");
            foreach (string o in shared) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteString("vary", plan.Parameter);
            w.WriteString("target", plan.Target.ToString());
            w.WriteNumber("min", plan.Min);
            w.WriteNumber("max", plan.Max);
            if (plan.Answer is { } a) w.WriteNumber("answer", a);
            else w.WriteNull("answer");
            w.WriteString("search", "exponential then binary; every value on the same common random numbers as a sweep");
            w.WriteStartArray("evaluations");
            foreach (Evaluation e in plan.Evaluations)
            {
                w.WriteStartObject();
                w.WriteNumber("value", e.Value);
                JsonOutput.WriteNumberOrNull(w, "metric", e.Metric);
                w.WriteBoolean("meets", e.Meets);
                // Appended: the metric's interval, whether the number alone meets the target, and the point's verdict.
                JsonOutput.WriteNumberOrNull(w, "metric_ci95", e.Ci95);
                w.WriteBoolean("metric_meets", e.MetricMeets);
                w.WriteString("verdict", e.Verdict.Key());
                w.WriteStartObject("not_stable");
                foreach (var (backlog, state) in e.NotStable) w.WriteString(backlog, state.Key());
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
