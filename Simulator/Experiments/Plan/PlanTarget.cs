using System.Globalization;
using System.Text.Json;

namespace HacaSim.Experiments.Plan;

/// <summary>
/// A target such as <c>paths.zkml.proof_lag_s.p95&lt;=60</c>: a key path into summary.json (a number, or a
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

    /// <summary>The metric's value in a summary.json; null when it is null there (nothing observed).</summary>
    public double? Read(string summaryJson)
    {
        using var doc = JsonDocument.Parse(summaryJson);
        JsonElement e = doc.RootElement;
        string at = "";
        foreach (string key in Metric.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(key, out JsonElement next))
            {
                string keys = e.ValueKind == JsonValueKind.Object ? string.Join(", ", e.EnumerateObject().Select(p => p.Name)) : "none (a value)";
                throw new InputException($"--target {this}: summary.json has no \"{key}\" under {(at.Length == 0 ? "the top" : at)}; keys there: {keys}");
            }
            e = next;
            at = at.Length == 0 ? key : $"{at}.{key}";
        }
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.Null => null,
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
