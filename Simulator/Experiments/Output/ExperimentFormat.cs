using System.Globalization;

namespace HacaSim.Experiments.Output;

/// <summary>Culture-invariant text for experiment tables: shortest round-trip numbers, empty for a missing value.</summary>
internal static class ExperimentFormat
{
    public static string Csv(double? x) => x is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>For the console: 4 significant-ish digits, "-" when missing.</summary>
    public static string Short(double? x) =>
        x is { } v && double.IsFinite(v) ? v.ToString(Math.Abs(v) < 10 ? "0.0000" : "0.0", CultureInfo.InvariantCulture) : "-";
}
