using System.Globalization;
using System.Text.Json;
using System.Text;
using HacaSim.Analysis.Output;
using HacaSim.Experiments.Sweep;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Plan;

/// <summary>
/// <c>hacasim plan</c>: the smallest whole value of a parameter (a node count) that meets a target, assuming
/// more is never worse. Exponential search first (min, min+1, min+3, min+7, ... up to max) finds a value
/// that meets it, then binary search between the last that failed and the first that met. Each value is
/// one sweep point on the same common random numbers, so the plan agrees with a sweep over the same values.
/// </summary>
public static class CapacityPlanner
{
    public sealed record Evaluation(int Value, double? Metric, bool Meets);

    public sealed record Plan(string Scenario, string Parameter, PlanTarget Target, int Min, int Max, int? Answer, IReadOnlyList<Evaluation> Evaluations);

    public static Plan Run(string scenarioPath, IReadOnlyList<string> shared, PlanTarget target, string parameter, int min, int max, int threads, string outDir)
    {
        if (min < 0 || max < min) throw new InputException($"--min {min} --max {max}: expected 0 <= min <= max");
        string name = Scenarios.Loading.ScenarioLoader.Load(scenarioPath, shared).Scenario.Name;
        var evaluations = new SortedDictionary<int, Evaluation>();
        Evaluation Evaluate(int value)
        {
            if (evaluations.TryGetValue(value, out Evaluation? known)) return known;
            var grid = new[] { new GridPoint(0, [(parameter, value.ToString(CultureInfo.InvariantCulture))]) };
            SweepPoint point = SweepExperiment.Evaluate(scenarioPath, shared, grid, threads)[0];
            double? metric = target.Read(point.SummaryJson);
            return evaluations[value] = new Evaluation(value, metric, target.MetBy(metric));
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
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
