using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HacaSim.Analysis.Statistics;

namespace HacaSim.Analysis.Output;

/// <summary>
/// Small helpers over <see cref="Utf8JsonWriter"/> for result files: indented with LF line ends, doubles
/// in shortest round-trip form, and <c>null</c> for a value that is missing or not finite (JSON has no NaN).
/// </summary>
public static class JsonOutput
{
    /// <summary>Writer options for every result file: indented, LF, no escaping of printable non-ASCII.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A writer over <paramref name="stream"/> with <see cref="WriterOptions"/>; the caller disposes it.</summary>
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, WriterOptions);

    /// <summary>Writes <paramref name="value"/> as a number, or <c>null</c> when it is null, NaN or infinite.</summary>
    public static void WriteNumberOrNullValue(Utf8JsonWriter writer, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v && double.IsFinite(v))
            // Utf8JsonWriter formats doubles in the shortest form that round-trips (as "R" does).
            writer.WriteNumberValue(v);
        else
            writer.WriteNullValue();
    }

    /// <summary>Writes the property <paramref name="name"/> with a number, or <c>null</c> when null, NaN or infinite.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteNumberOrNullValue(writer, value);
    }

    /// <summary>
    /// Writes <c>"name": {"mean", "ci95", "p50", "p95", "p99", "max"}</c>, each null where missing (all null for
    /// a null statistic), and <c>"unstable": true</c> only when <paramref name="unstable"/>, so a stable
    /// statistic keeps exactly its six keys.
    /// </summary>
    public static void WriteSummaryStatistic(Utf8JsonWriter writer, string name, SummaryStatistic? statistic, bool unstable = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject(name);
        WriteNumberOrNull(writer, SummaryKeys.Mean, statistic?.Mean);
        WriteNumberOrNull(writer, SummaryKeys.Ci95, statistic?.Ci95);
        WriteNumberOrNull(writer, SummaryKeys.P50, statistic?.P50);
        WriteNumberOrNull(writer, SummaryKeys.P95, statistic?.P95);
        WriteNumberOrNull(writer, SummaryKeys.P99, statistic?.P99);
        WriteNumberOrNull(writer, SummaryKeys.Max, statistic?.Max);
        if (unstable) writer.WriteBoolean(SummaryKeys.Unstable, true);
        writer.WriteEndObject();
    }

    /// <summary>A number node, or null when the value is null, NaN or infinite (as <see cref="WriteNumberOrNull"/> writes it).</summary>
    public static JsonNode? NumberOrNull(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    /// <summary>
    /// <c>{"mean", "ci95", "p50", "p95", "p99", "max"}</c> as a node, each null where missing, <c>"unstable": true</c> only when
    /// <paramref name="unstable"/>: the same object <see cref="WriteSummaryStatistic"/> writes.
    /// </summary>
    public static JsonObject SummaryStatisticNode(SummaryStatistic? statistic, bool unstable = false)
    {
        var o = new JsonObject
        {
            [SummaryKeys.Mean] = NumberOrNull(statistic?.Mean),
            [SummaryKeys.Ci95] = NumberOrNull(statistic?.Ci95),
            [SummaryKeys.P50] = NumberOrNull(statistic?.P50),
            [SummaryKeys.P95] = NumberOrNull(statistic?.P95),
            [SummaryKeys.P99] = NumberOrNull(statistic?.P99),
            [SummaryKeys.Max] = NumberOrNull(statistic?.Max),
        };
        if (unstable) o[SummaryKeys.Unstable] = true;
        return o;
    }
}
