using System.Text;

namespace HacaSim.Analysis.Output;

/// <summary>
/// Column names for CSV output: a PascalCase property name becomes snake_case, and a trailing
/// <c>Seconds</c> becomes the unit suffix <c>_s</c> (<c>MeanProofLagSeconds</c> -> <c>mean_proof_lag_s</c>),
/// so every time column carries its unit in the header.
/// </summary>
public static class CsvColumnNaming
{
    private const string SecondsSuffix = "Seconds";

    /// <summary>The snake_case column name for a property name.</summary>
    public static string ToColumnName(string propertyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        string stem = propertyName;
        string unit = "";
        if (propertyName.Length > SecondsSuffix.Length && propertyName.EndsWith(SecondsSuffix, StringComparison.Ordinal))
        {
            stem = propertyName[..^SecondsSuffix.Length];
            unit = "_s";
        }
        return ToSnakeCase(stem) + unit;
    }

    // An underscore goes before an upper-case letter that follows a lower-case letter or digit, or that
    // starts a new word after an acronym ("P95Seconds" -> "p95", "CPUPool" -> "cpu_pool").
    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLowerOrDigit || endsAcronym)
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
