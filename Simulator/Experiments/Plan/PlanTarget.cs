using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;

namespace HacaSim.Experiments.Plan;

/// <summary>
/// A target such as <c>paths.zkml.proof_lag_s.p95&lt;=60</c>: a key path into summary.json (read from the run's typed summary
/// in-process, never from the file's text) (a number, or a
/// boolean read as 1/0: <c>stability.prover.stable&gt;=1</c>), a comparison (&lt;=, &gt;=, &lt;, &gt;) and a value.
/// </summary>
public sealed record PlanTarget(string Metric, string Operator, double Value)
{
    private static readonly string[] Operators = ["<=", ">=", "<", ">"];

    public static PlanTarget Parse(string text)
    {
        foreach (string op in Operators)
        {
            int at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            string metric = text[..at].Trim();
            string value = text[(at + op.Length)..].Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                return new PlanTarget(metric, op, v);
            throw new InputException($"--target {text}: \"{value}\" is not a number");
        }
        throw new InputException($"--target {text}: expected METRIC<=VALUE (or >=, <, >), METRIC a summary.json key path such as paths.zkml.proof_lag_s.p95");
    }

    /// <summary>The metric's value in a run's summary (read from its in-memory summary.json tree); null when it is null there (nothing observed).</summary>
    public double? Read(RunSummary summary) => Read(RunSummaryWriter.Tree(summary));

    /// <summary>The metric's value in summary.json's tree; null when it is null there (nothing observed).</summary>
    public double? Read(JsonObject summary)
    {
        JsonNode? e = summary;
        string at = "";
        foreach (string key in Metric.Split('.'))
        {
            if (e is not JsonObject o || !o.TryGetPropertyValue(key, out JsonNode? next))
            {
                string keys = e is JsonObject obj ? string.Join(", ", obj.Select(p => p.Key)) : "none (a value)";
                throw new InputException($"--target {this}: summary.json has no \"{key}\" under {(at.Length == 0 ? "the top" : at)}; keys there: {keys}");
            }
            e = next;
            at = at.Length == 0 ? key : $"{at}.{key}";
        }
        return e?.GetValueKind() switch
        {
            null or JsonValueKind.Null => null,
            JsonValueKind.Number => Convert.ToDouble(e.GetValue<object>(), CultureInfo.InvariantCulture),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => throw new InputException($"--target {this}: {Metric} is not a number or a boolean in summary.json"),
        };
    }

    /// <summary>Met by <paramref name="x"/>; a missing value (nothing observed) never meets a target.</summary>
    public bool MetBy(double? x) => x is { } v && Operator switch
    {
        "<=" => v <= Value,
        ">=" => v >= Value,
        "<" => v < Value,
        _ => v > Value,
    };

    public override string ToString() => $"{Metric}{Operator}{Value.ToString("R", CultureInfo.InvariantCulture)}";
}
